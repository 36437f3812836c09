using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// A parameter of a <c>[Loss]</c> method as the C# hosts read it: its name, its fully qualified type (nullable
/// annotations included, <c>global::TorchSharp.torch.Tensor?</c>) and its modifier (<c>ref</c>, <c>in</c>, <c>out</c>,
/// <c>ref readonly</c>, <c>params</c> or empty).
/// </summary>
public sealed record LossParameterShape(string Name, string Type, string Modifier = "");

/// <summary>A <c>[Loss]</c> method as the C# hosts read it, for <see cref="LossShapeRules"/>.</summary>
public sealed record LossMethodShape(
    string Name, bool IsPartialDefinition, bool IsStatic, bool IsGeneric, string ReturnType, bool ReturnsByReference,
    EquatableArray<LossParameterShape> Parameters, bool InModel);

/// <summary>
/// What a <c>[Loss]</c> method must look like (PXY0304), written once for the analyzer and the generator:
/// <c>partial Tensor M(...)</c> on a <c>[Model]</c>, not static or generic, each parameter an observed variable
/// (<c>Tensor</c>) or a scalar hyper-parameter (<c>double</c>, <c>float</c>, <c>int</c>, <c>long</c>), passed by value.
/// </summary>
public static class LossShapeRules
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";

    private static readonly HashSet<string> ScalarTypes = new() { "double", "float", "int", "long" };

    /// <summary>A parameter the formula reads as an observed variable (a tensor).</summary>
    public static bool IsObserved(LossParameterShape parameter) => parameter.Modifier.Length == 0 && parameter.Type == Tensor;

    /// <summary>A whole-number hyper-parameter, which can count draws (<c>E_q(z|x)^k[...]</c>).</summary>
    public static bool IsCount(LossParameterShape parameter) => parameter.Modifier.Length == 0 && parameter.Type is "int" or "long";

    /// <summary>A parameter the formula reads as a scalar hyper-parameter.</summary>
    public static bool IsHyperParameter(LossParameterShape parameter) => parameter.Modifier.Length == 0 && ScalarTypes.Contains(parameter.Type);

    /// <summary>Every PXY0304 problem of the method (no range: the hosts place them at the method).</summary>
    public static IEnumerable<DslError> Check(LossMethodShape method)
    {
        foreach (var problem in Problems(method))
            yield return DslError.Create(DiagnosticIds.BadLossSignature, default, method.Name, problem);
    }

    private static IEnumerable<string> Problems(LossMethodShape method)
    {
        if (!method.InModel) yield return "its type has no [Model] attribute, so no formula can be planned for it";
        if (!method.IsPartialDefinition) yield return "it must be a partial method without a body";
        if (method.IsStatic) yield return "it must not be static";
        if (method.IsGeneric) yield return "it must not be generic";
        if (method.ReturnsByReference) yield return "it must not return by reference";
        if (method.ReturnType != Tensor) yield return $"it returns {Display(method.ReturnType)}";
        foreach (var parameter in method.Parameters.Where(p => !IsObserved(p) && !IsHyperParameter(p)))
            yield return ParameterProblem(parameter);
    }

    private static string ParameterProblem(LossParameterShape parameter)
    {
        if (parameter.Modifier.Length > 0) return $"parameter '{parameter.Name}' is declared '{parameter.Modifier}'; pass it by value";
        if (parameter.Type == Tensor + "?") return $"parameter '{parameter.Name}' is Tensor?: an observed variable cannot be null, declare it Tensor";
        return $"parameter '{parameter.Name}' has type {Display(parameter.Type)}; observed variables are Tensor, hyper-parameters double, float, int or long";
    }

    // Types as the user wrote them: without the global:: qualification the hosts add.
    private static string Display(string type) => type.Replace("global::TorchSharp.torch.", "").Replace("global::", "");
}
