using System.Linq;

namespace PixyzGen.Generator.Model;

/// <summary>What the generator knows of each Runtime family: its parameter record and which operations it has.</summary>
internal sealed record FamilyInfo(string Name, string ParamsType, bool HasReparam, bool HasEntropy)
{
    /// <summary>A Deterministic "family": its parameters are the value itself, drawn by evaluating Forward; no density.</summary>
    public bool IsDeterministic => Name == PixyzGen.Dsl.Checking.GeneratedFamilies.Deterministic;

    /// <summary>A flow: no parameter record; typed members and loss terms go through the dynamic API with the inputs as Variables.</summary>
    public bool IsDynamic => Name == PixyzGen.Dsl.Checking.GeneratedFamilies.Transformed;
}

internal static class Families
{
    // Every FamilyDistribution<TParams> of the Runtime (the generated code calls the same typed methods on each), and Deterministic.
    public static readonly FamilyInfo[] All =
    {
        new("Normal", "global::PixyzGen.NormalParams", HasReparam: true, HasEntropy: true),
        new("Bernoulli", "global::PixyzGen.BernoulliParams", HasReparam: false, HasEntropy: true),
        new("Laplace", "global::PixyzGen.LaplaceParams", HasReparam: true, HasEntropy: true),
        new("Gamma", "global::PixyzGen.GammaParams", HasReparam: true, HasEntropy: true),
        new("Beta", "global::PixyzGen.BetaParams", HasReparam: true, HasEntropy: true),
        new("Dirichlet", "global::PixyzGen.DirichletParams", HasReparam: true, HasEntropy: true),
        new("Categorical", "global::PixyzGen.CategoricalParams", HasReparam: false, HasEntropy: true),
        new("Multinomial", "global::PixyzGen.CategoricalParams", HasReparam: false, HasEntropy: false),
        new("RelaxedBernoulli", "global::PixyzGen.BernoulliParams", HasReparam: true, HasEntropy: false),
        new("RelaxedCategorical", "global::PixyzGen.CategoricalParams", HasReparam: true, HasEntropy: false),
        new("FactorizedBernoulli", "global::PixyzGen.BernoulliParams", HasReparam: false, HasEntropy: true),
        new("Deterministic", "global::TorchSharp.torch.Tensor", HasReparam: true, HasEntropy: false),
        new("TransformedDistribution", "global::PixyzGen.Variables", HasReparam: true, HasEntropy: false),
    };

    public static FamilyInfo? Find(string? name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The Runtime's closed-form KL for a family pair, or null when a Monte Carlo estimate is needed.</summary>
    public static string? ClosedFormKl(string left, string right) =>
        PixyzGen.Dsl.Checking.KlClosedForms.Method(left, right) is { } method ? "global::PixyzGen.KL." + method : null;
}
