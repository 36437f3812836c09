using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Concrete (Gumbel-softmax) relaxation of a one-hot categorical: reparameterized draws on the simplex,
/// softmax((logits + Gumbel noise) / temperature), tending to one-hot vectors as the temperature falls.
/// <see cref="Distribution.LogProb"/> is the exact Concrete density (Maddison et al., 2017).
/// </summary>
public class RelaxedCategorical : FamilyDistribution<CategoricalParams>
{
    private static readonly string[] Names = { "probs" };
    private double temperature;

    /// <summary>A Concrete distribution at the given temperature and class probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public RelaxedCategorical(double temperature, ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { probs }, var, condVar, name, features)
    {
        Temperature = temperature;
    }

    /// <summary>A RelaxedCategorical whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected RelaxedCategorical(double temperature, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
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

    /// <inheritdoc/>
    public override string DistributionName => nameof(RelaxedCategorical);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected internal override int EventRank => 1;

    /// <inheritdoc/>
    protected override CategoricalParams CreateParams(Tensor[] raw) => CategoricalParams.FromProbs(raw[0]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(CategoricalParams p) => new[] { p.Probs };

    /// <inheritdoc/>
    protected override void CheckParams(CategoricalParams p)
    {
        if (p.HeldProbs is { } probs && !probs.ge(0).all().item<bool>()) throw ParameterError("probs", "must be non-negative");
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(CategoricalParams p) => p.Shape;

    /// <inheritdoc/>
    public override Tensor SampleFrom(CategoricalParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <inheritdoc/>
    public override Tensor RSampleFrom(CategoricalParams p, params long[] sampleShape)
    {
        var logits = p.LogProbs;
        var uniform = rand(Shapes.Concat(sampleShape, logits.Sizes()), dtype: logits.dtype, device: logits.device);
        var tiny = finfo(logits.dtype).tiny;
        var gumbel = -(-uniform.clamp(tiny, 1 - finfo(logits.dtype).eps).log()).log();
        return ((logits + gumbel) / temperature).softmax(-1);
    }

    /// <summary>
    /// log Gamma(K) + (K - 1) log t + sum_k (l_k - (t + 1) log y_k) - K logsumexp_k (l_k - t log y_k), per simplex.
    /// </summary>
    protected override Tensor LogProbElements(CategoricalParams p, Tensor value)
    {
        var logits = p.LogProbs;
        var classes = logits.Sizes()[^1];
        var logValue = value.clamp_min(finfo(value.dtype).tiny).log();
        var constant = LogGamma(classes) + (classes - 1) * Math.Log(temperature);
        var scores = logits - logValue * temperature;
        return (logits - logValue * (temperature + 1)).sum(-1) - scores.logsumexp(-1) * classes + constant;
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(CategoricalParams p) => p.Probs;

    /// <inheritdoc/>
    public override Tensor VarianceOf(CategoricalParams p) =>
        throw new NotSupportedException($"{Describe()}: the Concrete distribution has no closed-form variance.");

    private static double LogGamma(long n)
    {
        double sum = 0;
        for (var i = 2; i < n; i++) sum += Math.Log(i);
        return sum;
    }
}
