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
        var varianceRatio = (p.Scale / q.Scale).square();
        var meanTerm = ((p.Loc - q.Loc) / q.Scale).square();
        return FeatureDims.Sum((varianceRatio + meanTerm - 1 - varianceRatio.log()).mul(0.5), featureRank);
    }
}
