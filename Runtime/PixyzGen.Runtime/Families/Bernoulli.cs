using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Bernoulli family over {0, 1} (also used for grey levels in [0, 1], as Pixyz's examples do with MNIST).
/// Parameters: constant probabilities or a conditioning variable holding them, or a network's
/// <c>BernoulliParams Forward(...)</c> (logits preferred: the log-density is then exact and cheaper).
/// </summary>
public class Bernoulli : ProbabilityFamily<BernoulliParams>
{
    /// <summary>A Bernoulli with the given probabilities: numbers or tensors are constants, a string names a conditioning variable.</summary>
    public Bernoulli(ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(probs, var, condVar, name, features)
    {
    }

    /// <summary>A Bernoulli whose parameters a network computes (<c>Forward</c> or an override of <c>ParamsFor</c>).</summary>
    protected Bernoulli(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Bernoulli);

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <inheritdoc/>
    protected override void CheckProbs(Tensor probs) => RequireProbability("probs", probs);

    /// <summary>A draw in {0, 1} of shape <c>sampleShape + parameter shape</c>.</summary>
    public override Tensor SampleFrom(BernoulliParams p, params long[] sampleShape)
    {
        using (no_grad())
        {
            var probabilities = p.Probs;
            return bernoulli(sampleShape.Length == 0 ? probabilities : probabilities.expand(Shapes.Concat(sampleShape, probabilities.Sizes())));
        }
    }

    /// <summary>x log p + (1 - x) log(1 - p), summed over feature dimensions.</summary>
    public override Tensor LogProbOf(BernoulliParams p, Tensor value, string variable)
    {
        // The fused BCE needs equal shapes; negate after the sum, on the small tensor.
        if (p.HeldLogits is { } logits)
        {
            var valueShape = value.Sizes();
            if (Shapes.Equal(valueShape, logits.Sizes()) && valueShape.Length >= FeatureRank)
                return SumFeatures(nn.functional.binary_cross_entropy_with_logits(logits, value, reduction: nn.Reduction.None)).neg();
        }
        return base.LogProbOf(p, value, variable);
    }

    /// <inheritdoc/>
    protected override Tensor LogProbElements(BernoulliParams p, Tensor value)
    {
        if (p.HeldLogits is { } logits)
        {
            var broadcast = broadcast_tensors(logits, value);
            return nn.functional.binary_cross_entropy_with_logits(broadcast[0], broadcast[1], reduction: nn.Reduction.None).neg();
        }
        var clamped = Probabilities.Clamp(p.HeldProbs!);
        return value * clamped.log() + (1 - value) * (-clamped).log1p();
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(BernoulliParams p) => p.Probs;

    /// <inheritdoc/>
    public override Tensor VarianceOf(BernoulliParams p)
    {
        var probabilities = p.Probs;
        return probabilities * (1 - probabilities);
    }

    /// <summary>-(p log p + (1 - p) log(1 - p)) per element.</summary>
    protected override Tensor EntropyElements(BernoulliParams p)
    {
        var probabilities = p.Probs;
        var clamped = Probabilities.Clamp(probabilities);
        return -(probabilities * clamped.log() + (1 - probabilities) * (-clamped).log1p());
    }
}
