using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The members whose product is a joint written in a term (<c>log p(x,y|z)</c>, <c>E_q(a,z|x)[...]</c>,
/// <c>IWAE_k(p(x,z) || q(z|x))</c>), the one rule the checker and the generator share: for each variable of the joint,
/// the member generating it alone: of the joint's name, else of a subscripted form of it (<c>p_prior</c> for <c>p</c>),
/// else of any name when only one member generates it; conditioned only on the joint's variables.
/// </summary>
public static class JointFactors
{
    /// <summary>
    /// The factors' member indices in the joint's variable order (the order their log-densities are summed in, as
    /// <c>*</c> sums them), or null with the first error; a joint whose factors condition on each other in a cycle is one.
    /// </summary>
    public static IReadOnlyList<int>? Resolve(DistributionRef joint, IReadOnlyList<MemberSignature> members, out DslError? error, string term = "IWAE")
    {
        error = null;
        var allowed = new HashSet<string>(joint.VarNames.Concat(joint.CondVarNames));
        var factors = new List<int>();
        foreach (var variable in joint.VarNames)
        {
            var generating = Enumerable.Range(0, members.Count).Where(i => members[i].Signature.VarNames.SequenceEqual(new[] { variable })).ToList();
            var named = generating.Where(i => members[i].Signature.Name == joint.Name).ToList();
            var subscripted = generating.Where(i => members[i].Signature.Name.StartsWith(joint.Name + "_", System.StringComparison.Ordinal)).ToList();
            var candidates = named.Count > 0 ? named : subscripted.Count > 0 ? subscripted : generating;
            if (candidates.Count != 1)
            {
                var hint = candidates.Count == 0
                    ? $" as a factor of {joint.Text} (a member generating {variable} alone)"
                    : $" as a factor of {joint.Text}: {string.Join(", ", candidates.Select(i => members[i].Signature.Text))} all generate {variable}; name the one meant {joint.Name} or {joint.Name}_...";
                error = DslError.Create(DiagnosticIds.UnknownDistribution, joint.Range, $"{joint.Name}({variable}|...)", hint);
                return null;
            }
            var factor = members[candidates[0]].Signature;
            var outside = factor.CondVarNames.FirstOrDefault(v => !allowed.Contains(v));
            if (outside is not null)
            {
                error = DslError.Create(DiagnosticIds.TermJointMismatch, joint.Range, joint.Text, term, $"its factor {factor.Text} conditions on {outside}, which {joint.Text} does not list");
                return null;
            }
            factors.Add(candidates[0]);
        }
        if (SamplingOrder(joint, factors, members) is null)
        {
            error = DslError.Create(DiagnosticIds.TermJointMismatch, joint.Range, joint.Text, term,
                $"its factors {string.Join(", ", factors.Select(i => members[i].Signature.Text))} condition on each other in a cycle");
            return null;
        }
        return factors;
    }

    /// <summary>
    /// The factors (from <see cref="Resolve"/>) in sampling order: parents first, and among factors ready together the
    /// joint's order, as <c>*</c> samples them; null for a cycle.
    /// </summary>
    public static IReadOnlyList<int>? SamplingOrder(DistributionRef joint, IReadOnlyList<int> factors, IReadOnlyList<MemberSignature> members)
    {
        var inJoint = new HashSet<string>(joint.VarNames);
        var drawn = new HashSet<string>();
        var pending = factors.ToList();
        var ordered = new List<int>();
        while (pending.Count > 0)
        {
            var ready = pending.FindIndex(i => members[i].Signature.CondVarNames.All(v => !inJoint.Contains(v) || drawn.Contains(v)));
            if (ready < 0) return null;
            ordered.Add(pending[ready]);
            drawn.UnionWith(members[pending[ready]].Signature.VarNames);
            pending.RemoveAt(ready);
        }
        return ordered;
    }
}
