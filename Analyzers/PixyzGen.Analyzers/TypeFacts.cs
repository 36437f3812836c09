using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers;

/// <summary>What the rules need to know about C# types: partial, generic, family, distribution members.</summary>
internal static class TypeFacts
{
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The first non-partial type among the type and its containing types, or null.</summary>
    public static INamedTypeSymbol? FirstNotPartial(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (!IsPartial(current)) return current;
        return null;
    }

    /// <summary>The type or a containing type is generic.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.TypeParameters.Length > 0) return true;
        return false;
    }

    /// <summary>The Runtime family the type derives from (Normal, Bernoulli, Gamma, ...), or null.</summary>
    public static string? FamilyOf(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.ContainingNamespace?.ToDisplayString() == "PixyzGen" && GeneratedFamilies.Contains(current.Name)) return current.Name;
        return null;
    }

    /// <summary>A model's distribution members: instance properties and fields whose type has a valid [Distribution] signature.</summary>
    public static IReadOnlyList<(ISymbol Symbol, MemberSignature Signature)> Members(INamedTypeSymbol type)
    {
        var members = new List<(ISymbol, MemberSignature)>();
        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IPropertySymbol { IsStatic: false } p => p.Type,
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } f => f.Type,
                _ => null,
            };
            if (memberType is null) continue;
            var signature = memberType.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownAttributes.Distribution)?.ConstructorArguments.FirstOrDefault().Value as string;
            if (signature is not null && DslParser.ParseDistribution(signature).Value is { } parsed)
                members.Add((member, new MemberSignature(member.Name, parsed, FamilyOf(memberType))));
        }
        return members;
    }
}
