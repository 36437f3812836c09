using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;
using PixyzGen.Generator.Emit;

namespace PixyzGen.Generator.Extract;

/// <summary>Turns a type symbol into a <see cref="TypeIdentity"/> of strings.</summary>
internal static class TypeIdentityReader
{
    public static TypeIdentity Read(INamedTypeSymbol type)
    {
        var containing = new List<ContainingType>();
        var stem = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containing.Insert(0, new ContainingType(SymbolFacts.Keyword(outer), CSharpText.Escape(outer.Name), TypeParameters(outer)));
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") : "";
        if (ns.Length > 0) stem.Add(ns.Replace("@", ""));
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) stem.Insert(ns.Length > 0 ? 1 : 0, MetadataPart(outer));
        stem.Add(MetadataPart(type));

        var isPartial = SymbolFacts.IsPartial(type);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) isPartial &= SymbolFacts.IsPartial(outer);
        return new TypeIdentity(ns, containing.ToEquatableArray(), SymbolFacts.Keyword(type), CSharpText.Escape(type.Name), isPartial, SymbolFacts.IsGeneric(type),
            TypeParameters(type), SymbolFacts.IsFileLocal(type), string.Join(".", stem), type.Name, RepeatsReservedName(type));
    }

    /// <summary>A name the generated partial declares again is one CS8981 warns of: only lower-case ASCII letters.</summary>
    private static bool RepeatsReservedName(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (IsReserved(current.Name) || current.TypeParameters.Any(p => IsReserved(p.Name))) return true;
        return false;
    }

    private static bool IsReserved(string name) => name.Length > 0 && name.All(c => c is >= 'a' and <= 'z');

    private static string TypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(p => CSharpText.Escape(p.Name))) + ">";

    // Generic arity is part of a type's identity (Model and Model<T> are two types): Model`1 as in metadata.
    private static string MetadataPart(INamedTypeSymbol type) => type.Arity == 0 ? type.Name : $"{type.Name}_{type.Arity}";
}
