using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>Finds the member a signature in a model or loss string refers to (PXY0201, PXY0202).</summary>
public static class MemberResolver
{
    /// <summary>
    /// The members a loss term's distribution stands for: the one member declaring it, or, for a joint of several
    /// variables that no member declares (<c>p(x,y|z)</c>, <c>q(a,z|x)</c>), its factors (<see cref="JointFactors"/>)
    /// in the joint's order; null with the error explaining why neither fits.
    /// </summary>
    public static IReadOnlyList<int>? ResolveTerm(DistributionRef reference, IReadOnlyList<MemberSignature> members, string term, out DslError? error)
    {
        var index = Resolve(reference, members, out error);
        if (index >= 0) return new[] { index };
        if (reference.Vars.Count < 2) return null;
        return JointFactors.Resolve(reference, members, out error, term);
    }

    /// <summary>The index of the member declaring exactly this signature, or -1 with the error explaining why none does.</summary>
    public static int Resolve(DistributionRef reference, IReadOnlyList<MemberSignature> members, out DslError? error)
    {
        error = null;
        for (var i = 0; i < members.Count; i++)
            if (members[i].Signature.SameSignature(reference)) return i;

        // A near miss generates the same variables under the same name (p(x|y) for a declared p(x|z)); a member of the
        // name generating other variables is another distribution, so the reference is unknown (PXY0201).
        var sameVars = members.Where(m => m.Signature.Name == reference.Name && m.Signature.VarNames.SequenceEqual(reference.VarNames)).ToList();
        var candidate = sameVars.Count == 1 ? sameVars[0] : null;
        if (candidate is not null)
        {
            error = DslError.Create(DiagnosticIds.SignatureMismatch, reference.Range, reference.Text, candidate.Signature.Text, candidate.MemberName);
            return -1;
        }

        var suggestion = Closest(reference, members);
        var hint = suggestion is null ? DescribeDeclared(members) : $"; did you mean {suggestion.Signature.Text}?";
        error = DslError.Create(DiagnosticIds.UnknownDistribution, reference.Range, reference.Text, hint);
        return -1;
    }

    private static string DescribeDeclared(IReadOnlyList<MemberSignature> members) => members.Count == 0
        ? " (the model declares no distribution members)"
        : $" (declared: {string.Join(", ", members.Select(m => m.Signature.Text))})";

    private static MemberSignature? Closest(DistributionRef reference, IReadOnlyList<MemberSignature> members)
    {
        // A near miss is the same variables under a name one edit away, or the same name with close text.
        var best = members
            .Select(m => (Member: m, Distance: EditDistance(m.Signature.Text, reference.Text)))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Member is not null && best.Distance <= Math.Max(1, reference.Text.Length / 4) ? best.Member : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
