using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// The members a type already has under the names the generator may write, as keys: <c>Sample(global::TorchSharp.torch.Tensor)</c>
/// for a method (name and parameter types), the bare name for anything else. The emitter skips a member the user
/// declared and marks <c>new</c> one that hides an inherited member, so generated declarations never collide. An
/// inherited member counts only where the type can see it (Roslyn's accessibility, across assemblies): one it cannot
/// see is not hidden, and <c>new</c> there would be CS0109.
/// </summary>
internal static class MemberKeys
{
    private static readonly SymbolDisplayFormat ParameterTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public static (EquatableArray<string> Declared, EquatableArray<string> Inherited) Read(INamedTypeSymbol type, ICollection<string> names, Compilation? compilation)
    {
        var declared = Keys(type.GetMembers(), names, _ => true).ToList();
        // No member may be named like its type (CS0542): a generated one of that name is left out.
        if (names.Contains(type.Name)) declared.Add(type.Name);
        var inherited = new List<string>();
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            inherited.AddRange(Keys(current.GetMembers(), names, m => SymbolUsability.IsAccessible(m, type, compilation)));
            // A generated base type of this compilation: its generated members are not in the generator's input.
            if (current.DeclaringSyntaxReferences.Length > 0)
                inherited.AddRange(GeneratedMembersOf(current).Where(k => names.Contains(NameOf(k))));
        }
        return (declared.Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray(),
            inherited.Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray());
    }

    private static IEnumerable<string> Keys(IEnumerable<ISymbol> members, ICollection<string> names, System.Func<ISymbol, bool> visible)
    {
        foreach (var member in members)
        {
            if (!names.Contains(member.Name) || member.IsImplicitlyDeclared && member is not INamedTypeSymbol) continue;
            if (!visible(member)) continue;
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    yield return Method(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(ParameterTypeFormat)));
                    break;
                case IMethodSymbol:
                    break;
                default:
                    yield return member.Name;
                    break;
            }
        }
    }

    private static string NameOf(string key) => key.IndexOf('(') is var open and >= 0 ? key.Substring(0, open) : key;

    /// <summary>What the generator writes into a source type carrying [Distribution] or [Model], through its own stages.</summary>
    private static IEnumerable<string> GeneratedMembersOf(INamedTypeSymbol type)
    {
        if (SymbolFacts.Attribute(type, SymbolFacts.DistributionAttribute) is not null
            && Bind.DistributionBinder.Bind(DistributionExtractor.Read(type, compilation: null)) is { } distribution)
            return Emit.GeneratedKeys.Of(distribution);
        if (SymbolFacts.Attribute(type, SymbolFacts.ModelAttribute) is { } model
            && Bind.ModelBinder.Bind(ModelExtractor.Read(type, SymbolFacts.ArgumentText(model), hasModelAttribute: true, compilation: null)) is { } spec)
            return Emit.GeneratedKeys.Of(spec);
        return Enumerable.Empty<string>();
    }

    /// <summary>The key of a method: its name and parameter types, as the emitter spells them.</summary>
    public static string Method(string name, IEnumerable<string> parameterTypes) => $"{name}({string.Join(",", parameterTypes)})";
}
