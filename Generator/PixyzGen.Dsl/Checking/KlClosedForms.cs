using System.Collections.Generic;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The family pairs whose KL divergence the Runtime computes in closed form (<c>PixyzGen.KL</c>), with the method
/// that does it. The analyzers say "Monte Carlo" (PXY0205) and the generator emits a sampled estimate for any other pair.
/// A test checks this table against the Runtime's registry.
/// </summary>
public static class KlClosedForms
{
    private static readonly Dictionary<(string Left, string Right), string> Methods = new()
    {
        [("Normal", "Normal")] = "NormalNormal",
        [("Bernoulli", "Bernoulli")] = "BernoulliBernoulli",
        [("Categorical", "Categorical")] = "CategoricalCategorical",
        [("Beta", "Beta")] = "BetaBeta",
        [("Dirichlet", "Dirichlet")] = "DirichletDirichlet",
        [("Laplace", "Laplace")] = "LaplaceLaplace",
        [("Gamma", "Gamma")] = "GammaGamma",
    };

    /// <summary>Every pair with a closed form, and the name of its method on <c>PixyzGen.KL</c>.</summary>
    public static IEnumerable<KeyValuePair<(string Left, string Right), string>> All => Methods;

    /// <summary>The name of the closed-form method on <c>PixyzGen.KL</c>, or null when the pair has none.</summary>
    public static string? Method(string left, string right) => Methods.TryGetValue((left, right), out var name) ? name : null;
}
