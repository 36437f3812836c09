using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Model;

/// <summary>One generated file's stem and a key unique to it (its kind and its type's full identity).</summary>
internal sealed record OutputStem(string Stem, string Key);

/// <summary>
/// Everything the generator writes into one type, as a value: the file (<see cref="Output"/>), the warnings the user
/// accepted on symbols the members touch, and the members in order. Until <c>InheritedMembers.Resolve</c> runs, it also
/// carries what the type inherits (<see cref="Inherited"/>: keys of visible members of user and referenced bases) and
/// which of its bases are generated in this compilation (<see cref="GeneratedBases"/>, type keys), whose members no
/// symbol shows; resolving sets each member's <see cref="PlannedMember.Hides"/> and clears both.
/// </summary>
internal sealed record TypePlan(
    Extract.TypeIdentity Type, OutputStem Output, EquatableArray<string> AcceptedDiagnostics, EquatableArray<PlannedMember> Members,
    EquatableArray<string> Inherited = default, EquatableArray<string> GeneratedBases = default)
{
    /// <summary>The keys of the members that can hide or be hidden (<see cref="PlannedMember.Key"/>): what a derived type inherits from this plan.</summary>
    public IEnumerable<string> Keys => Members.Select(m => m.Key).Where(k => k is not null).Select(k => k!);
}

/// <summary>The keys of the members one type's plan writes (a type carrying [Distribution] and [Model] has two rows).</summary>
internal sealed record GeneratedMembersOf(string TypeKey, EquatableArray<string> Keys);

/// <summary>What every plan of the compilation writes, by type key, ordered so it is equal whenever the plans' keys are.</summary>
internal sealed record GeneratedMemberTable(EquatableArray<GeneratedMembersOf> Rows)
{
    public static GeneratedMemberTable Of(IEnumerable<TypePlan> plans) => new(plans
        .Select(p => new GeneratedMembersOf(p.Type.Key, p.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray()))
        .Where(r => r.Keys.Count > 0)
        .OrderBy(r => r.TypeKey, System.StringComparer.Ordinal).ThenBy(r => string.Join(";", r.Keys), System.StringComparer.Ordinal)
        .ToEquatableArray());

    /// <summary>The keys written into these types.</summary>
    public IEnumerable<string> KeysOf(IReadOnlyCollection<string> typeKeys) =>
        typeKeys.Count == 0 ? Enumerable.Empty<string>() : Rows.Where(r => typeKeys.Contains(r.TypeKey)).SelectMany(r => r.Keys);
}
