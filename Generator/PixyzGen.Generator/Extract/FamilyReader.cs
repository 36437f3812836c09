using Microsoft.CodeAnalysis;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Extract;

/// <summary>Reads what a distribution class declares: its family base and its Forward method.</summary>
internal static class FamilyReader
{
    public static string? Family(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() == KnownNames.RuntimeNamespace && Families.Find(current.Name) is { } family)
                return family.Name;
        }
        return null;
    }

    /// <summary>Whether the type derives from the Runtime's NormalPoE (product of Gaussian experts).</summary>
    public static bool IsProductOfExperts(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.ContainingNamespace?.ToDisplayString() == KnownNames.RuntimeNamespace && current.Name == KnownNames.ProductOfExperts) return true;
        return false;
    }

    public static bool TryReadForward(INamedTypeSymbol type, out EquatableArray<string> parameters)
    {
        foreach (var member in type.GetMembers(KnownNames.ForwardMethod))
        {
            if (member is IMethodSymbol { IsStatic: false } method)
            {
                parameters = method.Parameters.Select(p => p.Name).ToEquatableArray();
                return true;
            }
        }
        parameters = EquatableArray<string>.Empty;
        return false;
    }

    public static string? SignatureText(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == attributeName) return ArgumentText(attribute);
        }
        return null;
    }

    /// <summary>The DSL string of a PixyzGen attribute; empty when it is missing or not a constant string.</summary>
    public static string ArgumentText(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
}
