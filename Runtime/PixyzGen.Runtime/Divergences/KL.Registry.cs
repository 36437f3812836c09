using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

public static partial class KL
{
    private delegate Tensor ClosedForm(Distribution p, Distribution q, Variables inputs);

    // Keyed by KlFamily (the DistributionName by default), so a family's subclasses (networks, generated classes) share its closed form while
    // variants with their own density (FactorizedBernoulli, the relaxed families) fall back to Monte Carlo.
    private static readonly Dictionary<(string P, string Q), ClosedForm> ClosedForms = new()
    {
        [("Normal", "Normal")] = Pair<NormalParams>(NormalNormal),
        [("Bernoulli", "Bernoulli")] = Pair<BernoulliParams>(BernoulliBernoulli),
        [("Categorical", "Categorical")] = Pair<CategoricalParams>(CategoricalCategorical),
        [("Beta", "Beta")] = Pair<BetaParams>(BetaBeta),
        [("Dirichlet", "Dirichlet")] = Pair<DirichletParams>(DirichletDirichlet),
        [("Laplace", "Laplace")] = Pair<LaplaceParams>(LaplaceLaplace),
        [("Gamma", "Gamma")] = Pair<GammaParams>(GammaGamma),
    };

    /// <summary>Whether KL between these two families (by <see cref="Distribution.DistributionName"/>) has a closed form here.</summary>
    public static bool HasClosedForm(string pFamily, string qFamily) => ClosedForms.ContainsKey((pFamily, qFamily));

    /// <summary>Whether KL between these two distributions' families has a closed form.</summary>
    public static bool HasClosedForm(Distribution p, Distribution q) => HasClosedForm(p.KlFamily, q.KlFamily);

    /// <summary>
    /// KL(p || q) given the conditioning variables of both in <paramref name="inputs"/>: the closed form when the family
    /// pair has one, otherwise the Monte Carlo mean of log p(x) - log q(x) over <paramref name="samples"/> draws x ~ p
    /// (reparameterized when p allows, so gradients flow). The result has the batch shape.
    /// </summary>
    public static Tensor Divergence(Distribution p, Distribution q, Variables? inputs = null, int samples = 1)
    {
        inputs ??= Variables.Empty;
        Distribution.RequireSameVariables(p, q, "KL");
        if (ClosedForms.TryGetValue((p.KlFamily, q.KlFamily), out var closedForm)) return closedForm(p, q, inputs);
        return MonteCarlo(p, q, inputs, samples);
    }

    /// <summary>The Monte Carlo estimate of KL(p || q), whatever the families.</summary>
    public static Tensor MonteCarlo(Distribution p, Distribution q, Variables? inputs = null, int samples = 1)
    {
        inputs ??= Variables.Empty;
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), "KL needs at least one Monte Carlo sample.");
        var draws = p.Sample(inputs, sampleShape: new long[] { samples }, reparam: p.HasReparam);
        return (p.LogProb(draws) - q.LogProb(draws)).mean(new long[] { 0 });
    }

    private static ClosedForm Pair<TParams>(Func<TParams, TParams, int, Tensor> formula) where TParams : struct =>
        (p, q, inputs) =>
        {
            var left = (FamilyDistribution<TParams>)p;
            var right = (FamilyDistribution<TParams>)q;
            return formula(left.ResolveParams(inputs), right.ResolveParams(inputs), left.ReducedFeatureRank);
        };
}
