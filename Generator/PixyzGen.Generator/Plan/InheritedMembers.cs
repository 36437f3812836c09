using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Plan;

/// <summary>
/// The step after planning: which planned members hide an inherited one, and so are declared <c>new</c>. What a type
/// inherits is what its symbols show (user and referenced bases, read by the extractor where the type can see them)
/// and, for bases generated in this compilation, whose generated members no symbol shows, the keys of their own plans.
/// </summary>
internal static class InheritedMembers
{
    public static TypePlan Resolve(TypePlan plan, GeneratedMemberTable table)
    {
        var inherited = plan.Inherited.Concat(table.KeysOf(plan.GeneratedBases)).ToList();
        var members = plan.Members.Select(m => m.HidesAnyOf(inherited) ? m with { Hides = true } : m).ToEquatableArray();
        return plan with { Members = members, Inherited = EquatableArray<string>.Empty, GeneratedBases = EquatableArray<string>.Empty };
    }
}
