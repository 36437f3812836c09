using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The Runtime families a <c>[Distribution]</c> class can derive from (every <c>FamilyDistribution&lt;TParams&gt;</c>
/// of the <c>PixyzGen</c> namespace, and <c>Deterministic</c>). Shared by the generator and the analyzers; a test checks
/// it against the Runtime.
/// </summary>
public static class GeneratedFamilies
{
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "Normal", "Bernoulli", "Laplace", "Gamma", "Beta", "Dirichlet", "Categorical", "Multinomial",
        "RelaxedBernoulli", "RelaxedCategorical", "FactorizedBernoulli", Deterministic, Transformed,
    };

    /// <summary>A normalizing flow over a base distribution: scored and drawn through the dynamic API.</summary>
    public const string Transformed = "TransformedDistribution";

    /// <summary>A variable computed by a network: drawn (its value), never scored (no density).</summary>
    public const string Deterministic = "Deterministic";

    public static bool Contains(string family) => All.Contains(family);
}
