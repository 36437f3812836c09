using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// Asks the compiler which overload of the user's method (<c>Forward</c>, a custom density's <c>LogDensity</c>) the
/// generated call binds to: a probe, one more part of the type holding that call with Tensor arguments, is bound in a
/// copy of the compilation. Overload resolution is C#'s (conversions, <c>params</c>, better members, ambiguity), not a
/// rule of ours. Only a type with more than one overload needs it, and only one the generator can extend (partial all
/// the way out, not file-local, not generic); for others the answer is null. Compiled into the generator and (linked)
/// into the analyzers.
/// </summary>
internal static class ForwardCallProbe
{
    private const string ProbeName = "__PixyzGenForwardCallProbe";

    public static ForwardCall? Bind(INamedTypeSymbol type, IReadOnlyList<IMethodSymbol> overloads, string method, int arguments, Compilation compilation)
    {
        if (MethodsNamed(type, method) < 2 || arguments < 0 || !SymbolFacts.IsPartialAllTheWay(type) || SymbolFacts.IsFileLocal(type) || SymbolFacts.IsGeneric(type)) return null;
        if (compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor") is not { } tensor) return null;
        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options is not CSharpParseOptions options) return null;
        var tree = CSharpSyntaxTree.ParseText(Source(type, TensorName(tensor, compilation, out var alias), alias, method, arguments), options);
        var invocation = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (invocation is null) return null;
        var model = compilation.AddSyntaxTrees(tree).GetSemanticModel(tree);
        var info = model.GetSymbolInfo(invocation);
        if (info.Symbol is IMethodSymbol bound)
            return IndexOf(overloads, bound) is var index and >= 0
                ? new ForwardCall(index, EquatableArray<string>.Empty)
                : new ForwardCall(-1, EquatableArray<string>.Empty, bound.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
        // CS0121: overload resolution found no best member among the applicable ones.
        var ambiguous = model.GetDiagnostics(invocation.Span).Any(d => d.Id == "CS0121")
            ? info.CandidateSymbols.OfType<IMethodSymbol>().Select(m => m.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new ForwardCall(-1, ambiguous);
    }

    /// <summary>The ordinary methods of this name the type declares or inherits, whatever their kind: two or more can make a call resolve elsewhere.</summary>
    private static int MethodsNamed(INamedTypeSymbol type, string method)
    {
        var count = 0;
        for (var current = type; current is not null; current = current.BaseType)
            count += current.GetMembers(method).Count(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsOverride: false });
        return count;
    }

    private static int IndexOf(IReadOnlyList<IMethodSymbol> overloads, IMethodSymbol bound)
    {
        // The probe's compilation has symbols of its own: the same method is the one displayed the same.
        var key = bound.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        for (var i = 0; i < overloads.Count; i++)
            if (overloads[i].ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) == key) return i;
        return -1;
    }

    /// <summary><c>global::TorchSharp.torch.Tensor</c>, or under the alias the project references TorchSharp by.</summary>
    private static string TensorName(INamedTypeSymbol tensor, Compilation compilation, out string? alias)
    {
        alias = compilation.References
            .Where(r => SymbolEqualityComparer.Default.Equals(compilation.GetAssemblyOrModuleSymbol(r), tensor.ContainingAssembly))
            .SelectMany(r => r.Properties.Aliases).FirstOrDefault(a => a != "global");
        var name = tensor.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return alias is null ? name : alias + "::" + name.Substring("global::".Length);
    }

    private static string Source(INamedTypeSymbol type, string tensor, string? alias, string method, int arguments)
    {
        var text = new StringBuilder("#nullable disable\n");
        if (alias is not null) text.Append("extern alias ").Append(alias).Append(";\n");
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length) : null;
        if (ns is not null) text.Append("namespace ").Append(ns).Append(" {\n");
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType) chain.Insert(0, current);
        foreach (var part in chain) text.Append("partial ").Append(SymbolFacts.Keyword(part)).Append(' ').Append(Escape(part.Name)).Append(" {\n");
        var parameters = string.Join(", ", Enumerable.Range(0, arguments).Select(i => $"{tensor} a{i}"));
        var call = string.Join(", ", Enumerable.Range(0, arguments).Select(i => $"a{i}"));
        text.Append($"void {ProbeName}({parameters}) {{ this.{Escape(method)}({call}); }}\n");
        text.Append('}', chain.Count);
        if (ns is not null) text.Append('}');
        return text.ToString();
    }

    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
