using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl;
using PixyzGen.Generator.Emit;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// Reads the <c>[Loss]</c> partial methods the generator must implement, with the implementation's declaration built
/// from the definition: the same modifiers, return type, type parameters and constraints, and parameters (their
/// modifiers, fully qualified types and names, no default values), so it matches whatever the user wrote.
/// </summary>
internal static class LossMethodReader
{
    public static IEnumerable<LossMethod> Read(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Select(Read).Where(l => l is not null).Select(l => l!);

    /// <summary>The method as a loss to implement: null without [Loss], or when it is not a definition still waiting for its implementation (the user's; PXY0304 says why).</summary>
    public static LossMethod? Read(IMethodSymbol method)
    {
        if (SymbolFacts.Attribute(method, SymbolFacts.LossAttribute) is not { } attribute) return null;
        if (!method.IsPartialDefinition || method.PartialImplementationPart is not null) return null;
        return new LossMethod(CSharpText.Escape(method.Name), SymbolFacts.ArgumentText(attribute), Declaration(method), SymbolFacts.LossShape(method), IsDocumented(method));
    }

    // Whatever the project's documentation mode (without a documentation file, /// is lexed as a plain comment), so the
    // generated text does not depend on it.
    private static bool IsDocumented(IMethodSymbol method) => method.DeclaringSyntaxReferences.Any(r => r.GetSyntax().GetLeadingTrivia().Any(t =>
        t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
        || t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith("///", System.StringComparison.Ordinal) && !t.ToString().StartsWith("////", System.StringComparison.Ordinal)
        || t.IsKind(SyntaxKind.MultiLineCommentTrivia) && t.ToString().StartsWith("/**", System.StringComparison.Ordinal) && !t.ToString().StartsWith("/**/", System.StringComparison.Ordinal)));

    private static string Declaration(IMethodSymbol method)
    {
        var text = new StringBuilder();
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var modifiers = syntax?.Modifiers.Select(m => m.Text).ToList() ?? new List<string> { "public", "partial" };
        text.Append(string.Join(" ", modifiers)).Append(' ');
        if (method.ReturnsByRefReadonly) text.Append("ref readonly ");
        else if (method.ReturnsByRef) text.Append("ref ");
        text.Append(method.ReturnType.ToDisplayString(SymbolFacts.TypeFormat)).Append(' ').Append(CSharpText.Escape(method.Name));
        if (method.TypeParameters.Length > 0)
            text.Append('<').Append(string.Join(", ", method.TypeParameters.Select(p => CSharpText.Escape(p.Name)))).Append('>');
        text.Append('(').Append(string.Join(", ", method.Parameters.Select(Parameter))).Append(')');
        foreach (var parameter in method.TypeParameters)
            if (Constraints(parameter) is { } clause) text.Append(' ').Append(clause);
        return text.ToString();
    }

    private static string Parameter(IParameterSymbol parameter)
    {
        var text = new StringBuilder();
        if (parameter.IsThis) text.Append("this ");
        // Only a `scoped` the user wrote: an out parameter is scoped implicitly (C# 11), and writing it would need C# 11.
        if (parameter.ScopedKind != ScopedKind.None && WritesScoped(parameter)) text.Append("scoped ");
        var modifier = SymbolFacts.Modifier(parameter);
        if (modifier.Length > 0) text.Append(modifier).Append(' ');
        return text.Append(parameter.Type.ToDisplayString(SymbolFacts.TypeFormat)).Append(' ').Append(CSharpText.Escape(parameter.Name)).ToString();
    }

    private static bool WritesScoped(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<ParameterSyntax>()
            .Any(p => p.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ScopedKeyword)));

    private static string? Constraints(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        else if (parameter.HasUnmanagedTypeConstraint) parts.Add("unmanaged");
        else if (parameter.HasValueTypeConstraint) parts.Add("struct");
        else if (parameter.HasNotNullConstraint) parts.Add("notnull");
        parts.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(SymbolFacts.TypeFormat)));
        if (parameter.HasConstructorConstraint) parts.Add("new()");
        if (parameter.AllowsRefLikeType) parts.Add("allows ref struct");
        return parts.Count == 0 ? null : $"where {CSharpText.Escape(parameter.Name)} : {string.Join(", ", parts)}";
    }
}
