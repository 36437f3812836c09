using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// What the hosts know of a Runtime family: its name, its parameter record (null for Deterministic, whose parameters
/// are the value, and for flows and custom densities, whose "parameters" are their inputs), and which operations it has.
/// </summary>
public sealed record FamilyFacts(string Name, string? ParamsRecord, bool HasReparam, bool HasEntropy)
{
    /// <summary>A variable computed by a network: drawn (its value), never scored (no density).</summary>
    public bool IsDeterministic => Name == GeneratedFamilies.Deterministic;

    /// <summary>A density known only through the user's LogDensity: scored, never drawn.</summary>
    public bool IsCustomDensity => Name == GeneratedFamilies.CustomDensity;

    /// <summary>
    /// A flow (either direction), a mixture, a mixture's posterior or a custom density: typed members and loss terms go
    /// through the dynamic API with the inputs as Variables.
    /// </summary>
    public bool IsDynamic => IsComposite || IsCustomDensity;

    /// <summary>Built from other distributions given to its constructor (a flow's prior and layers, a mixture's components): no user method.</summary>
    public bool IsComposite => Name is GeneratedFamilies.Transformed or GeneratedFamilies.InverseTransformed or GeneratedFamilies.Mixture or GeneratedFamilies.MixturePosterior;

    /// <summary>A mixture: its typed members also give the responsibilities p(component | value).</summary>
    public bool IsMixture => Name == GeneratedFamilies.Mixture;

    /// <summary>A Concrete relaxation, whose temperature a loss can set (<c>E_q(y|x, temperature = tau)[...]</c>).</summary>
    public bool IsRelaxed => Name is "RelaxedBernoulli" or "RelaxedCategorical";

    /// <summary>Whether the family can draw its variable (every family but a custom density).</summary>
    public bool CanDraw => !IsCustomDensity;

    /// <summary>
    /// The user's method the generated code calls: <c>Forward</c> (conditioning variables to parameters) for the
    /// parametric families and Deterministic, <c>LogDensity</c> (value and conditioning variables to a log-density) for a
    /// custom density, none for flows (their layers are the network).
    /// </summary>
    public string? UserMethod => IsCustomDensity ? GeneratedFamilies.LogDensityMethod : IsComposite ? null : GeneratedFamilies.ForwardMethod;
}

/// <summary>
/// The Runtime families a <c>[Distribution]</c> class can derive from (every <c>FamilyDistribution&lt;TParams&gt;</c>
/// of the <c>PixyzGen</c> namespace, Deterministic, flows, mixtures and CustomDensity): the one table the generator and the analyzers read. A
/// test checks it against the Runtime.
/// </summary>
public static class GeneratedFamilies
{
    /// <summary>A normalizing flow over a base distribution: scored and drawn through the dynamic API.</summary>
    public const string Transformed = "TransformedDistribution";

    /// <summary>A flow written data -> noise (Pixyz's InverseTransformedDistribution): likewise dynamic.</summary>
    public const string InverseTransformed = "InverseTransformedDistribution";

    /// <summary>A variable computed by a network: drawn (its value), never scored (no density).</summary>
    public const string Deterministic = "Deterministic";

    /// <summary>A finite mixture of components under a categorical prior: scored by log-sum-exp, drawn through the dynamic API.</summary>
    public const string Mixture = "MixtureModel";

    /// <summary>The posterior over a mixture's component given its value.</summary>
    public const string MixturePosterior = "MixturePosterior";

    /// <summary>An (unnormalized) log-density written by the user: scored, never drawn.</summary>
    public const string CustomDensity = "CustomDensity";

    /// <summary>The method giving a family's parameters from its conditioning variables.</summary>
    public const string ForwardMethod = "Forward";

    /// <summary>The method giving a custom density's log from the value and the conditioning variables.</summary>
    public const string LogDensityMethod = "LogDensity";

    public static IReadOnlyList<FamilyFacts> All { get; } = new[]
    {
        new FamilyFacts("Normal", "NormalParams", HasReparam: true, HasEntropy: true),
        new FamilyFacts("Bernoulli", "BernoulliParams", HasReparam: false, HasEntropy: true),
        new FamilyFacts("Laplace", "LaplaceParams", HasReparam: true, HasEntropy: true),
        new FamilyFacts("Gamma", "GammaParams", HasReparam: true, HasEntropy: true),
        new FamilyFacts("Beta", "BetaParams", HasReparam: true, HasEntropy: true),
        new FamilyFacts("Dirichlet", "DirichletParams", HasReparam: true, HasEntropy: true),
        new FamilyFacts("Categorical", "CategoricalParams", HasReparam: false, HasEntropy: true),
        new FamilyFacts("Multinomial", "CategoricalParams", HasReparam: false, HasEntropy: false),
        new FamilyFacts("RelaxedBernoulli", "BernoulliParams", HasReparam: true, HasEntropy: false),
        new FamilyFacts("RelaxedCategorical", "CategoricalParams", HasReparam: true, HasEntropy: false),
        new FamilyFacts("FactorizedBernoulli", "BernoulliParams", HasReparam: false, HasEntropy: true),
        new FamilyFacts(Deterministic, null, HasReparam: true, HasEntropy: false),
        new FamilyFacts(Transformed, null, HasReparam: true, HasEntropy: false),
        new FamilyFacts(InverseTransformed, null, HasReparam: true, HasEntropy: false),
        new FamilyFacts(CustomDensity, null, HasReparam: false, HasEntropy: false),
        new FamilyFacts(Mixture, null, HasReparam: false, HasEntropy: false),
        new FamilyFacts(MixturePosterior, null, HasReparam: false, HasEntropy: false),
    };

    private static readonly Dictionary<string, FamilyFacts> ByName = All.ToDictionary(f => f.Name);

    /// <summary>The family of this name, or null.</summary>
    public static FamilyFacts? Find(string? name) => name is not null && ByName.TryGetValue(name, out var family) ? family : null;

    public static bool Contains(string family) => ByName.ContainsKey(family);
}
