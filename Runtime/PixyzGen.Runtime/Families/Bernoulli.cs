using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Bernoulli family over {0, 1} (also used for grey levels in [0, 1], as Pixyz's examples do with MNIST).
/// Parameters come from <c>BernoulliParams Forward(...)</c> or from constant probabilities.
/// </summary>
public abstract class Bernoulli : Distribution
{
    // Named like the buffer it is registered as, so TorchSharp's device moves update it.
    private Tensor? probs;

    /// <summary>A Bernoulli whose parameters a <c>Forward</c> method computes.</summary>
    protected Bernoulli(string moduleName, long[]? features = null) : base(moduleName, features)
    {
    }

    /// <summary>A Bernoulli with one constant probability over <paramref name="features"/> values.</summary>
    protected Bernoulli(double probs, long features, string moduleName = nameof(Bernoulli))
        : this(full(features, probs), moduleName)
    {
    }

    /// <summary>A Bernoulli with constant probabilities; their shape is the feature shape.</summary>
    protected Bernoulli(Tensor probs, string moduleName = nameof(Bernoulli)) : base(moduleName, probs.shape)
    {
        if (!(probs.ge(0).all().item<bool>() && probs.le(1).all().item<bool>()))
            throw new ArgumentOutOfRangeException(nameof(probs), $"{GetType().Name}: Bernoulli probabilities must lie in [0, 1].");
        this.probs = probs.detach().clone();
        register_buffer(nameof(probs), this.probs);
    }

    public override string DistributionName => nameof(Bernoulli);

    public override bool HasReparam => false;

    /// <summary>The constant parameters; throws when the parameters come from <c>Forward</c>.</summary>
    public BernoulliParams ConstantParams => probs is not null
        ? BernoulliParams.FromProbs(probs)
        : throw new InvalidOperationException($"{ProbText} ({GetType().Name}) has no constant parameters: its parameters come from Forward.");

    /// <summary>A draw in {0, 1} of shape <c>sampleShape + parameter shape</c>.</summary>
    public Tensor SampleFrom(BernoulliParams p, params long[] sampleShape)
    {
        using (no_grad())
        {
            var probabilities = p.Probs;
            var shape = sampleShape.Concat(probabilities.shape).ToArray();
            return bernoulli(probabilities.expand(shape));
        }
    }

    /// <summary>x log p + (1 - x) log(1 - p), summed over feature dimensions.</summary>
    public Tensor LogProbOf(BernoulliParams p, Tensor value, string variable)
    {
        var valueShape = value.shape;
        var parameterShape = p.Shape;
        CheckShape(variable, valueShape, parameterShape);
        if (p.HeldLogits is { } logits)
        {
            // The fused BCE needs equal shapes: broadcast only when they differ. Negate after the sum, on the small tensor.
            if (valueShape.AsSpan().SequenceEqual(parameterShape))
                return SumFeatures(nn.functional.binary_cross_entropy_with_logits(logits, value, reduction: nn.Reduction.None)).neg();
            var broadcast = broadcast_tensors(logits, value);
            return SumFeatures(nn.functional.binary_cross_entropy_with_logits(broadcast[0], broadcast[1], reduction: nn.Reduction.None)).neg();
        }
        var clamped = p.HeldProbs!.clamp(ProbabilityEpsilon, 1 - ProbabilityEpsilon);
        return SumFeatures(value * clamped.log() + (1 - value) * (-clamped).log1p());
    }

    public Tensor MeanOf(BernoulliParams p) => p.Probs;

    /// <summary>-(p log p + (1 - p) log(1 - p)), summed over feature dimensions.</summary>
    public Tensor EntropyOf(BernoulliParams p)
    {
        var probabilities = p.Probs;
        var clamped = probabilities.clamp(ProbabilityEpsilon, 1 - ProbabilityEpsilon);
        return SumFeatures(-(probabilities * clamped.log() + (1 - probabilities) * (-clamped).log1p()));
    }

    /// <summary>Keeps log p finite, as torch.distributions does with its dtype's epsilon.</summary>
    private const double ProbabilityEpsilon = 1.1920928955078125e-07;
}
