using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The binary Concrete relaxation of a Bernoulli: reparameterized draws in (0, 1),
/// sigmoid((logit p + log u - log(1 - u)) / Temperature), tending to {0, 1} as the temperature falls.
/// <see cref="Distribution.LogProb"/> scores as Pixyz does, with the unrelaxed Bernoulli: y log p + (1 - y) log(1 - p),
/// exact at labels in {0, 1}. Set <see cref="RelaxedFamily{TParams}.ExactDensity"/> for the binary Concrete density, degenerate at {0, 1}.
/// </summary>
public class RelaxedBernoulli : RelaxedFamily<BernoulliParams>
{
    /// <summary>A binary Concrete distribution at the given temperature and probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public RelaxedBernoulli(double temperature, ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(temperature, probs, var, condVar, name, features)
    {
    }

    /// <summary>A RelaxedBernoulli whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected RelaxedBernoulli(double temperature, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(temperature, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(RelaxedBernoulli);

    /// <inheritdoc/>
    protected override void CheckProbs(Tensor probs) => RequireProbability("probs", probs);

    /// <inheritdoc/>
    public override Tensor RSampleFrom(BernoulliParams p, params long[] sampleShape)
    {
        var logits = p.Logits;
        var eps = finfo(logits.dtype).eps;
        var u = rand(Shapes.Concat(sampleShape, logits.Sizes()), dtype: logits.dtype, device: logits.device).clamp(eps, 1 - eps);
        return ((logits + u.log() - (-u).log1p()) / Temperature).sigmoid();
    }

    /// <summary>
    /// y log p + (1 - y) log(1 - p) per element (torch's Bernoulli on the value); with <see cref="RelaxedFamily{TParams}.ExactDensity"/>,
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
        var denominator = (logits - logY * Temperature).logaddexp(log1mY * -Temperature);
        return logits - (logY + log1mY) * (Temperature + 1) - denominator * 2 + Math.Log(Temperature);
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(BernoulliParams p) => p.Probs;

    /// <inheritdoc/>
    public override Tensor VarianceOf(BernoulliParams p) =>
        throw new NotSupportedException($"{Describe()}: the binary Concrete distribution has no closed-form variance.");
}
