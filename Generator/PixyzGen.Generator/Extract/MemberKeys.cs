using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>What a type declares and inherits under the names the generator may write, as keys.</summary>
internal sealed record MemberKeySets(EquatableArray<string> Declared, EquatableArray<string> Inherited, EquatableArray<string> SourceBases);

/// <summary>
/// The members a type already has under the names the generator may write, as keys: <c>Sample(global::TorchSharp.torch.Tensor)</c>
/// for a method (name and parameter types), the bare name for anything else. A planner leaves out a member the user
/// declared; one that hides an inherited member is declared <c>new</c>. An inherited member counts only where the type
/// can see it (Roslyn's accessibility, across assemblies): one it cannot see is not hidden, and <c>new</c> there would
/// be CS0109. Bases declared in this compilation are listed by type key (<see cref="MemberKeySets.SourceBases"/>): their
/// generated members are not in the generator's input, and are looked up in the plans after Bind.
/// </summary>
internal static class MemberKeys
{
    private static readonly SymbolDisplayFormat ParameterTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public static MemberKeySets Read(INamedTypeSymbol type, ICollection<string> names, Compilation compilation)
    {
        var declared = Keys(type.GetMembers(), names, _ => true).ToList();
        // No member may be named like its type (CS0542), nor override what a base seals or hides (CS0239, CS0506): such generated ones are left out.
        if (names.Contains(type.Name)) declared.Add(type.Name);
        declared.AddRange(SymbolFacts.UnoverridableMembers(type).Where(names.Contains));
        var inherited = new List<string>();
        var sourceBases = new List<string>();
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            inherited.AddRange(Keys(current.GetMembers(), names, m => SymbolUsability.IsAccessible(m, type, compilation)));
            if (current.DeclaringSyntaxReferences.Length > 0) sourceBases.Add(TypeIdentityReader.Read(current.OriginalDefinition).Key);
        }
        return new MemberKeySets(Sorted(declared), Sorted(inherited), sourceBases.Distinct().ToEquatableArray());
    }

    private static EquatableArray<string> Sorted(IEnumerable<string> keys) => keys.Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray();

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

    /// <summary>The member name of a key.</summary>
    public static string NameOf(string key) => key.IndexOf('(') is var open and >= 0 ? key.Substring(0, open) : key;

    /// <summary>The key of a method: its name and parameter types, as the planners spell them.</summary>
    public static string Method(string name, IEnumerable<string> parameterTypes) => $"{name}({string.Join(",", parameterTypes)})";
}
