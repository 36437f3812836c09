using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// PXY0303, PXY0306 and PXY0307, written once for both hosts: a family distribution's <c>Forward</c> takes its
/// conditioning variables, by name and in order, as Tensors, and returns the family's parameter record; without
/// <c>Forward</c> it has constants, which needs no conditioning variables and a family other than Deterministic (whose
/// value only Forward gives). A custom density's <c>LogDensity</c> takes the value, then the conditioning variables, and
/// returns a Tensor. Products of experts and flows have no method to check.
/// </summary>
public static class ForwardRule
{
    /// <summary>
    /// The PXY0303 error (Forward's parameter names against the conditioning variables), else the PXY0306 error
    /// (Forward's types against what the generated <c>Params</c> passes and returns), or null when Forward fits.
    /// </summary>
    public static DslError? Check(string typeName, ForwardShape? forward, DistributionRefText signature, string? family)
    {
        if (family == GeneratedFamilies.CustomDensity) return CheckLogDensity(typeName, forward, signature);
        var names = forward?.Parameters.Select(p => p.Name).ToList() ?? new List<string>();
        var matches = forward is not null
            ? TakesByName(forward, signature.CondVars)
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

    /// <summary>
    /// The rule over every overload the type offers (most derived first). Where the compiler says which overload the
    /// generated call binds to (<paramref name="call"/>), that one is checked, and a call it finds ambiguous is PXY0306;
    /// otherwise the one that fits is taken, whatever order they are declared in, and when none fits the first one's
    /// error says why (no overload at all is "no Forward method").
    /// </summary>
    public static DslError? Check(string typeName, IReadOnlyList<ForwardShape> overloads, DistributionRefText signature, string? family, ForwardCall? call = null)
    {
        if (overloads.Count == 0) return Check(typeName, (ForwardShape?)null, signature, family);
        var id = family == GeneratedFamilies.CustomDensity ? DiagnosticIds.LogDensityMismatch : DiagnosticIds.ForwardTypes;
        if (call is { Ambiguous.Count: > 0 })
            return DslError.Create(id, signature.Range, typeName, $"has overloads between which the generated call with Tensors is ambiguous: {string.Join(" and ", call.Ambiguous)}");
        if (call is { Unusable: { } unusable })
            return DslError.Create(id, signature.Range, typeName, $"is overloaded so that the generated call with Tensors binds to {unusable}, which generated code cannot call on the instance");
        if (call is { Bound: >= 0 } && call.Bound < overloads.Count) return Check(typeName, overloads[call.Bound], signature, family);
        DslError? first = null;
        foreach (var overload in overloads)
        {
            var error = Check(typeName, overload, signature, family);
            if (error is null) return null;
            first ??= error;
        }
        return first;
    }

    /// <summary>
    /// The parameters take the conditioning variables by name and in order; a trailing <c>params</c> array takes the
    /// rest of them, whatever it is called.
    /// </summary>
    private static bool TakesByName(ForwardShape forward, IReadOnlyList<string> conditions)
    {
        var parameters = forward.Parameters;
        var hasParams = parameters.Count > 0 && parameters[parameters.Count - 1].Modifier == "params";
        var named = parameters.Take(hasParams ? parameters.Count - 1 : parameters.Count).Select(p => p.Name).ToList();
        return hasParams
            ? conditions.Count >= named.Count && conditions.Take(named.Count).SequenceEqual(named)
            : named.SequenceEqual(conditions);
    }

    /// <summary>PXY0307: the custom density's LogDensity exists, takes the value then the conditioning variables by name, as Tensors, and returns a Tensor.</summary>
    private static DslError? CheckLogDensity(string typeName, ForwardShape? method, DistributionRefText signature)
    {
        var expected = signature.Vars.Concat(signature.CondVars).ToList();
        var wanted = string.Join(", ", expected.Select(v => "Tensor " + v));
        string? problem;
        if (method is null)
            problem = $"is missing: a custom density declares Tensor {GeneratedFamilies.LogDensityMethod}({wanted}) for {signature.Text}";
        else if (!method.Parameters.Select(p => p.Name).SequenceEqual(expected))
            problem = $"takes ({string.Join(", ", method.Parameters.Select(p => p.Name))}) but {signature.Text} is scored at ({string.Join(", ", expected)}): the value first, then the conditioning variables";
        else
            problem = TypeProblem(method, GeneratedFamilies.CustomDensity);
        return problem is null ? null : DslError.Create(DiagnosticIds.LogDensityMismatch, signature.Range, typeName, problem);
    }

    private static string? TypeProblem(ForwardShape forward, string? family)
    {
        if (forward.IsGeneric) return $"is generic; the generated {(family == GeneratedFamilies.CustomDensity ? "LogProb" : "Params")} calls it without type arguments";
        if (forward.Parameters.FirstOrDefault(p => !p.TakesTensor) is { } parameter)
            return $"takes {parameter.Name} as {(parameter.Modifier.Length > 0 ? parameter.Modifier + " " : "")}{Readable(parameter.Type)}; each parameter takes a Tensor, passed by value";
        if (!forward.ReturnFits)
            return $"returns {Readable(forward.ReturnType)}; a {family} distribution's {GeneratedFamilies.Find(family)?.UserMethod ?? GeneratedFamilies.ForwardMethod} returns {ExpectedReturn(family)}";
        return null;
    }

    /// <summary>What a family's Forward returns: its parameter record, or the value for Deterministic (a log-density for a custom density).</summary>
    public static string ExpectedReturn(string? family) =>
        family is GeneratedFamilies.Deterministic or GeneratedFamilies.CustomDensity ? "Tensor" : GeneratedFamilies.Find(family)?.ParamsRecord ?? "its parameter record";

    private static string Readable(string type) => type.Replace("global::", "");

    /// <summary>Whether the family has a user method to check (not NormalPoE, whose experts give the parameters, nor a flow).</summary>
    public static bool Applies(string? family, bool isProductOfExperts) => !isProductOfExperts && GeneratedFamilies.Find(family) is not { UserMethod: null };
}

/// <summary>The parts of a signature the Forward rule reads.</summary>
public sealed record DistributionRefText(string Text, IReadOnlyList<string> Vars, IReadOnlyList<string> CondVars, TextRange Range)
{
    public static DistributionRefText Of(Syntax.DistributionRef signature) => new(signature.Text, signature.VarNames.ToList(), signature.CondVarNames.ToList(), signature.Range);
}
