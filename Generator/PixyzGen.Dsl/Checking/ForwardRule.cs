using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// PXY0303 and PXY0306, written once for both hosts: a family distribution's <c>Forward</c> takes its conditioning
/// variables, by name and in order, as Tensors, and returns the family's parameter record; without <c>Forward</c> it has
/// constants, which needs no conditioning variables and a family other than Deterministic (whose value only Forward
/// gives). Products of experts and flows have no Forward to check.
/// </summary>
public static class ForwardRule
{
    /// <summary>
    /// The PXY0303 error (Forward's parameter names against the conditioning variables), else the PXY0306 error
    /// (Forward's types against what the generated <c>Params</c> passes and returns), or null when Forward fits.
    /// </summary>
    public static DslError? Check(string typeName, ForwardShape? forward, DistributionRefText signature, string? family)
    {
        var names = forward?.Parameters.Select(p => p.Name).ToList() ?? new List<string>();
        var matches = forward is not null
            ? names.SequenceEqual(signature.CondVars)
            : signature.CondVars.Count == 0 && family != GeneratedFamilies.Deterministic;
        if (!matches)
        {
            var takes = forward is not null ? string.Join(", ", names) : "no Forward method";
            return DslError.Create(DiagnosticIds.ForwardMismatch, signature.Range, typeName, takes, signature.Text, string.Join(", ", signature.CondVars));
        }
        if (forward is null) return null;
        var problem = TypeProblem(forward, family);
        return problem is null ? null : DslError.Create(DiagnosticIds.ForwardTypes, signature.Range, typeName, problem);
    }

    private static string? TypeProblem(ForwardShape forward, string? family)
    {
        if (forward.IsGeneric) return "is generic; the generated Params calls it without type arguments";
        if (forward.Parameters.FirstOrDefault(p => !p.TakesTensor) is { } parameter)
            return $"takes {parameter.Name} as {(parameter.Modifier.Length > 0 ? parameter.Modifier + " " : "")}{Readable(parameter.Type)}; each parameter takes a Tensor, passed by value";
        if (!forward.ReturnFits)
            return $"returns {Readable(forward.ReturnType)}; a {family} distribution's Forward returns {ExpectedReturn(family)}";
        return null;
    }

    /// <summary>What a family's Forward returns: its parameter record, or the value for Deterministic.</summary>
    public static string ExpectedReturn(string? family) =>
        family == GeneratedFamilies.Deterministic ? "Tensor" : GeneratedFamilies.Find(family)?.ParamsRecord ?? "its parameter record";

    private static string Readable(string type) => type.Replace("global::", "");

    /// <summary>Whether the family's parameters come from Forward at all (not for NormalPoE or a flow).</summary>
    public static bool Applies(string? family, bool isProductOfExperts) => !isProductOfExperts && GeneratedFamilies.Find(family) is not { IsDynamic: true };
}

/// <summary>The parts of a signature the Forward rule reads.</summary>
public sealed record DistributionRefText(string Text, IReadOnlyList<string> CondVars, TextRange Range)
{
    public static DistributionRefText Of(Syntax.DistributionRef signature) => new(signature.Text, signature.CondVarNames.ToList(), signature.Range);
}
