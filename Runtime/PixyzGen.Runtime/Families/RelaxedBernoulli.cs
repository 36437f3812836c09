using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The binary Concrete relaxation of a Bernoulli: reparameterized draws in (0, 1),
/// sigmoid((logit p + log u - log(1 - u)) / temperature), tending to {0, 1} as the temperature falls.
/// <see cref="Distribution.LogProb"/> scores as Pixyz does, with the unrelaxed Bernoulli: y log p + (1 - y) log(1 - p),
/// exact at labels in {0, 1}. Set <see cref="ExactDensity"/> for the binary Concrete density, degenerate at {0, 1}.
/// </summary>
public class RelaxedBernoulli : FamilyDistribution<BernoulliParams>
{
    private static readonly string[] Names = { "probs" };
    private double temperature;

    /// <summary>A binary Concrete distribution at the given temperature and probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public RelaxedBernoulli(double temperature, ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { probs }, var, condVar, name, features)
    {
        Temperature = temperature;
    }

    /// <summary>A RelaxedBernoulli whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected RelaxedBernoulli(double temperature, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
        Temperature = temperature;
    }

    /// <summary>The relaxation temperature (positive); settable, so it can be annealed during training.</summary>
    public double Temperature
    {
        get => temperature;
        set => temperature = RelaxationTemperature.Check(value, Describe());
    }

    /// <summary>Score with the exact binary Concrete density instead of the unrelaxed Bernoulli (false, Pixyz's behaviour, by default).</summary>
    public bool ExactDensity { get; set; }

    /// <inheritdoc/>
    public override string DistributionName => nameof(RelaxedBernoulli);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected override BernoulliParams CreateParams(Tensor[] raw) => BernoulliParams.FromProbs(raw[0]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(BernoulliParams p) => new[] { p.Probs };

    /// <inheritdoc/>
    protected override void CheckParams(BernoulliParams p)
    {
        if (p.HeldProbs is { } probs) RequireProbability("probs", probs);
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(BernoulliParams p) => p.Shape;

    /// <inheritdoc/>
    public override Tensor SampleFrom(BernoulliParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <inheritdoc/>
    public override Tensor RSampleFrom(BernoulliParams p, params long[] sampleShape)
    {
        var logits = p.Logits;
        var eps = finfo(logits.dtype).eps;
        var u = rand(Shapes.Concat(sampleShape, logits.Sizes()), dtype: logits.dtype, device: logits.device).clamp(eps, 1 - eps);
        return ((logits + u.log() - (-u).log1p()) / temperature).sigmoid();
    }

    /// <summary>
    /// y log p + (1 - y) log(1 - p) per element (torch's Bernoulli on the value); with <see cref="ExactDensity"/>,
    /// log t + l - (t + 1)(log y + log(1 - y)) - 2 log(e^l y^-t + (1 - y)^-t), l the logit.
    /// </summary>
    protected override Tensor LogProbElements(BernoulliParams p, Tensor value)
    {
        var logits = p.Logits;
        if (!ExactDensity)
        {
            var broadcast = broadcast_tensors(logits, value);
            return nn.functional.binary_cross_entropy_with_logits(broadcast[0], broadcast[1], reduction: nn.Reduction.None).neg();
        }
        var eps = finfo(value.dtype).eps;
        var y = value.clamp(eps, 1 - eps);
        var logY = y.log();
        var log1mY = (-y).log1p();
        var denominator = (logits - logY * temperature).logaddexp(log1mY * -temperature);
        return logits - (logY + log1mY) * (temperature + 1) - denominator * 2 + Math.Log(temperature);
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(BernoulliParams p) => p.Probs;

    /// <inheritdoc/>
    public override Tensor VarianceOf(BernoulliParams p) =>
        throw new NotSupportedException($"{Describe()}: the binary Concrete distribution has no closed-form variance.");
}
