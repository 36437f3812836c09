using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>Turns a type symbol into a <see cref="TypeIdentity"/> of strings.</summary>
internal static class TypeIdentityReader
{
    public static TypeIdentity Read(INamedTypeSymbol type)
    {
        var containing = new List<ContainingType>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containing.Insert(0, new ContainingType(Keyword(outer), outer.Name));
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        var isPartial = IsPartial(type) && containing.Count == 0 || IsPartial(type) && AllContainingPartial(type);
        return new TypeIdentity(ns, containing.ToEquatableArray(), Keyword(type), type.Name, isPartial, type.IsGenericType || type.ContainingType?.IsGenericType == true);
    }

    private static bool AllContainingPartial(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            if (!IsPartial(outer)) return false;
        return true;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
