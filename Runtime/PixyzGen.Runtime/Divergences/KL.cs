using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Kullback-Leibler divergences KL(p || q). The closed forms below work on parameter records (generated code calls
/// them directly); <see cref="Divergence"/> picks one by family for the dynamic API, or estimates by Monte Carlo.
/// Every closed form sums over <c>featureRank</c> trailing dimensions after reducing the family's event dimension.
/// </summary>
public static partial class KL
{
    /// <summary>
    /// KL(N(mu_p, s_p) || N(mu_q, s_q)) = log(s_q / s_p) + (s_p^2 + (mu_p - mu_q)^2) / (2 s_q^2) - 1/2, per element.
    /// </summary>
    public static Tensor NormalNormal(NormalParams p, NormalParams q, int featureRank)
    {
        // Terms of q alone are grouped: against a broadcast prior such as N(0, 1) over [features] they stay small,
        // leaving five batch-sized operations before the sum (the naive form has nine).
        var halfPrecisionQ = q.Scale.square().reciprocal().mul(0.5);
        var logScaleQMinusHalf = q.Scale.log().sub(0.5);
        var spread = p.Scale.square() + (p.Loc - q.Loc).square();
        return FeatureDims.Sum(spread * halfPrecisionQ - p.Scale.log() + logScaleQMinusHalf, featureRank);
    }

    /// <summary>p log(p / q) + (1 - p) log((1 - p) / (1 - q)), through logits (softplus) for stability.</summary>
    public static Tensor BernoulliBernoulli(BernoulliParams p, BernoulliParams q, int featureRank)
    {
        var logitP = p.Logits;
        var logitQ = q.Logits;
        var probP = p.Probs;
        var ones = nn.functional.softplus(-logitQ) - nn.functional.softplus(-logitP);
        var zeros = nn.functional.softplus(logitQ) - nn.functional.softplus(logitP);
        return FeatureDims.Sum(probP * ones + (1 - probP) * zeros, featureRank);
    }

    /// <summary>sum_k p_k (log p_k - log q_k) over the class dimension, then the remaining features.</summary>
    public static Tensor CategoricalCategorical(CategoricalParams p, CategoricalParams q, int featureRank) =>
        FeatureDims.Sum((p.Probs * (p.LogProbs - q.LogProbs)).sum(-1), featureRank);

    /// <summary>log B(a_q, b_q) - log B(a_p, b_p) + (a_p - a_q) psi(a_p) + (b_p - b_q) psi(b_p) + (a_q + b_q - a_p - b_p) psi(a_p + b_p).</summary>
    public static Tensor BetaBeta(BetaParams p, BetaParams q, int featureRank)
    {
        var totalP = p.Concentration1 + p.Concentration0;
        var totalQ = q.Concentration1 + q.Concentration0;
        var kl = Beta.LogBeta(q) - Beta.LogBeta(p)
                 + (p.Concentration1 - q.Concentration1) * p.Concentration1.digamma()
                 + (p.Concentration0 - q.Concentration0) * p.Concentration0.digamma()
                 + (totalQ - totalP) * totalP.digamma();
        return FeatureDims.Sum(kl, featureRank);
    }

    /// <summary>log Gamma(a0_p) - log Gamma(a0_q) - sum_k (log Gamma(a_p,k) - log Gamma(a_q,k)) + sum_k (a_p,k - a_q,k)(psi(a_p,k) - psi(a0_p)).</summary>
    public static Tensor DirichletDirichlet(DirichletParams p, DirichletParams q, int featureRank)
    {
        var totalP = p.Concentration.sum(-1);
        var totalQ = q.Concentration.sum(-1);
        var kl = totalP.lgamma() - totalQ.lgamma() - (p.Concentration.lgamma() - q.Concentration.lgamma()).sum(-1)
                 + ((p.Concentration - q.Concentration) * (p.Concentration.digamma() - totalP.digamma().unsqueeze(-1))).sum(-1);
        return FeatureDims.Sum(kl, featureRank);
    }

    /// <summary>-log(s_p / s_q) + |mu_p - mu_q| / s_q + (s_p / s_q) exp(-|mu_p - mu_q| / s_p) - 1, per element.</summary>
    public static Tensor LaplaceLaplace(LaplaceParams p, LaplaceParams q, int featureRank)
    {
        var ratio = p.Scale / q.Scale;
        var distance = (p.Loc - q.Loc).abs();
        return FeatureDims.Sum(-ratio.log() + distance / q.Scale + ratio * (-distance / p.Scale).exp() - 1, featureRank);
    }

    /// <summary>a_q log(b_p / b_q) + log Gamma(a_q) - log Gamma(a_p) + (a_p - a_q) psi(a_p) + (b_q - b_p) a_p / b_p, per element.</summary>
    public static Tensor GammaGamma(GammaParams p, GammaParams q, int featureRank)
    {
        var kl = q.Concentration * (p.Rate / q.Rate).log() + q.Concentration.lgamma() - p.Concentration.lgamma()
                 + (p.Concentration - q.Concentration) * p.Concentration.digamma() + (q.Rate - p.Rate) * (p.Concentration / p.Rate);
        return FeatureDims.Sum(kl, featureRank);
    }
}
