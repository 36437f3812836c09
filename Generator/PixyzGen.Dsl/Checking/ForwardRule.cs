using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// PXY0303, written once for both hosts: a family distribution's <c>Forward</c> takes its conditioning variables, by
/// name and in order; without <c>Forward</c> it has constants, which needs no conditioning variables and a family
/// other than Deterministic (whose value only Forward gives). Products of experts and flows have no Forward to check.
/// </summary>
public static class ForwardRule
{
    /// <summary>The PXY0303 error, or null when Forward fits.</summary>
    public static DslError? Check(string typeName, bool hasForward, IReadOnlyList<string> forwardParameters, DistributionRefText signature, string? family)
    {
        var matches = hasForward
            ? forwardParameters.SequenceEqual(signature.CondVars)
            : signature.CondVars.Count == 0 && family != GeneratedFamilies.Deterministic;
        if (matches) return null;
        var takes = hasForward ? string.Join(", ", forwardParameters) : "no Forward method";
        return DslError.Create(DiagnosticIds.ForwardMismatch, signature.Range, typeName, takes, signature.Text, string.Join(", ", signature.CondVars));
    }

    /// <summary>Whether the family's parameters come from Forward at all (not for NormalPoE or a flow).</summary>
    public static bool Applies(string? family, bool isProductOfExperts) => !isProductOfExperts && GeneratedFamilies.Find(family) is not { IsDynamic: true };
}

/// <summary>The parts of a signature the Forward rule reads.</summary>
public sealed record DistributionRefText(string Text, IReadOnlyList<string> CondVars, TextRange Range)
{
    public static DistributionRefText Of(Syntax.DistributionRef signature) => new(signature.Text, signature.CondVarNames.ToList(), signature.Range);
}
