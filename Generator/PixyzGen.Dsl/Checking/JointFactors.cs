using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The members whose product is a joint such as <c>p(x,z)</c> in <c>IWAE_k(p(x,z) || q(z|x))</c>: for each variable of
/// the joint, the one member of the joint's name that generates it, conditioned only on the joint's variables.
/// </summary>
public static class JointFactors
{
    /// <summary>The factors' member indices in the joint's variable order, or null with the first error.</summary>
    public static IReadOnlyList<int>? Resolve(DistributionRef joint, IReadOnlyList<MemberSignature> members, out DslError? error, string term = "IWAE")
    {
        error = null;
        var allowed = new HashSet<string>(joint.VarNames.Concat(joint.CondVarNames));
        var factors = new List<int>();
        foreach (var variable in joint.VarNames)
        {
            var candidates = Enumerable.Range(0, members.Count)
                .Where(i => members[i].Signature.Name == joint.Name && members[i].Signature.VarNames.SequenceEqual(new[] { variable }))
                .ToList();
            if (candidates.Count != 1)
            {
                var hint = candidates.Count == 0
                    ? $" as a factor of {joint.Text} (a member {joint.Name}({variable}|...) generating {variable})"
                    : $" as a factor of {joint.Text}: {candidates.Count} members generate {variable}";
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
        return factors;
    }
}
