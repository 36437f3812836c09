using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The Runtime families a <c>[Distribution]</c> class can derive from for generated code, and every Runtime family
/// (the others work through the dynamic API). Shared by the generator and the analyzers.
/// </summary>
public static class GeneratedFamilies
{
    /// <summary>Families the generator writes typed members for.</summary>
    public static IReadOnlyList<string> Supported { get; } = new[] { "Normal", "Bernoulli" };

    /// <summary>Every family class of the Runtime (<c>PixyzGen</c> namespace).</summary>
    public static IReadOnlyList<string> Runtime { get; } = new[]
    {
        "Normal", "Bernoulli", "Laplace", "Gamma", "Beta", "Dirichlet", "Categorical", "Multinomial",
        "RelaxedBernoulli", "RelaxedCategorical", "FactorizedBernoulli",
    };

    public static bool IsSupported(string family) => Supported.Contains(family);
}
