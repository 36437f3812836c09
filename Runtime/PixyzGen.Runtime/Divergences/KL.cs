using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Closed-form Kullback-Leibler divergences KL(p || q), summed over feature dimensions.</summary>
public static class KL
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
}
