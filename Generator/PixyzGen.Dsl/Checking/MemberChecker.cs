using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>Rules over a model's distribution members: no two with one signature (PXY0104), none unused (PXY0105).</summary>
public static class MemberChecker
{
    /// <summary>For each member whose signature an earlier member already declares: (that member's index, the error).</summary>
    public static IEnumerable<(int Member, DslError Error)> Ambiguous(IReadOnlyList<MemberSignature> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (!members[j].Signature.SameSignature(members[i].Signature)) continue;
                yield return (i, DslError.Create(DiagnosticIds.AmbiguousMember, default, members[j].MemberName, members[i].MemberName, members[i].Signature.Text));
                break;
            }
        }
    }

    /// <summary>Members no reference points at: (member index, the warning). A joint reference (<c>IWAE_k(p(x,z) || ...)</c>) uses its factors.</summary>
    public static IEnumerable<(int Member, DslError Error)> Unused(IReadOnlyList<MemberSignature> members, IEnumerable<DistributionRef> references)
    {
        var referenced = references.ToList();
        var viaJoints = new HashSet<int>(referenced.SelectMany(r => r.Vars.Count > 1 || members.All(m => !m.Signature.SameSignature(r))
            ? JointFactors.Resolve(r, members, out _) ?? (IReadOnlyList<int>)new int[0]
            : new int[0]));
        for (var i = 0; i < members.Count; i++)
        {
            if (viaJoints.Contains(i) || referenced.Any(r => members[i].Signature.SameSignature(r))) continue;
            yield return (i, DslError.Create(DiagnosticIds.UnusedMember, default, members[i].MemberName, members[i].Signature.Text));
        }
    }

    /// <summary>
    /// The distributions that <c>E_</c> terms of a formula draw from, at any depth; with <paramref name="intoIterations"/>
    /// false, not those inside a nested <c>iterate(...)[...]</c> step.
    /// </summary>
    public static IEnumerable<DistributionRef> Expectations(LossNode node, bool intoIterations = true) =>
        !intoIterations && node is IterateNode
            ? Enumerable.Empty<DistributionRef>()
            : Descendants(node, n => intoIterations || n is not IterateNode).OfType<ExpectationNode>().Select(e => e.Distribution);

    /// <summary>Every distribution a loss formula mentions.</summary>
    public static IEnumerable<DistributionRef> References(LossNode node) => Descendants(node, _ => true).SelectMany(Own);

    private static IEnumerable<DistributionRef> Own(LossNode node) => node switch
    {
        LogProbNode log => new[] { log.Distribution },
        EntropyNode entropy => new[] { entropy.Distribution },
        KlNode kl => new[] { kl.Left, kl.Right },
        ExpectationNode expectation => new[] { expectation.Distribution },
        IwaeNode iwae => new[] { iwae.Joint, iwae.Proposal },
        MmdNode mmd => new[] { mmd.Left, mmd.Right },
        AdversarialNode adversarial => new[] { adversarial.Discriminator, adversarial.Generator, adversarial.Prior },
        _ => Enumerable.Empty<DistributionRef>(),
    };

    /// <summary>The node and every node below it (pre-order), descending only into children <paramref name="descend"/> admits; iterative.</summary>
    public static IEnumerable<LossNode> Descendants(LossNode root, System.Func<LossNode, bool> descend)
    {
        var stack = new Stack<LossNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
                if (descend(child)) stack.Push(child);
        }
    }
}
