using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Concrete (Gumbel-softmax) relaxation of a one-hot categorical: reparameterized draws on the simplex,
/// softmax((logits + Gumbel noise) / Temperature), tending to one-hot vectors as the temperature falls.
/// <see cref="Distribution.LogProb"/> scores with the unrelaxed one-hot categorical, as Pixyz means to: a label (a corner
/// of the simplex) gets its categorical log-probability, a relaxed draw that of its argmax class, as torch's
/// OneHotCategorical scores it. (Pixyz 0.3.3 builds a Bernoulli over the class probabilities there instead, a copy of
/// RelaxedBernoulli's code that adds log(1 - p_k) for every other class; not copied.) Set <see cref="RelaxedFamily{TParams}.ExactDensity"/> for the Concrete density (Maddison et al., 2017), which is
/// degenerate at one-hot labels (set by the clamp, about +161 in float32), so a semi-supervised loss on labels must not use it.
/// </summary>
public class RelaxedCategorical : RelaxedFamily<CategoricalParams>
{
    /// <summary>A Concrete distribution at the given temperature and class probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public RelaxedCategorical(double temperature, ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(temperature, probs, var, condVar, name, features)
    {
    }

    /// <summary>A RelaxedCategorical whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected RelaxedCategorical(double temperature, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(temperature, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(RelaxedCategorical);

    /// <inheritdoc/>
    protected internal override int EventRank => 1;

    /// <inheritdoc/>
    protected override void CheckProbs(Tensor probs) => CheckClassProbs(probs);

    /// <inheritdoc/>
    public override Tensor RSampleFrom(CategoricalParams p, params long[] sampleShape)
    {
        var logits = p.LogProbs;
        var uniform = rand(Shapes.Concat(sampleShape, logits.Sizes()), dtype: logits.dtype, device: logits.device);
        var tiny = finfo(logits.dtype).tiny;
        var gumbel = -(-uniform.clamp(tiny, 1 - finfo(logits.dtype).eps).log()).log();
        return ((logits + gumbel) / Temperature).softmax(-1);
    }

    /// <summary>
    /// The unrelaxed categorical's log-probability of the value's argmax class; with <see cref="RelaxedFamily{TParams}.ExactDensity"/>, the
    /// Concrete density log Gamma(K) + (K - 1) log t + sum_k (l_k - (t + 1) log y_k) - K logsumexp_k (l_k - t log y_k).
    /// </summary>
    protected override Tensor LogProbElements(CategoricalParams p, Tensor value)
    {
        var logits = p.LogProbs;
        if (!ExactDensity)
        {
            var classes = value.argmax(-1, keepdim: true);
            var shape = Shapes.Broadcast(classes.Sizes(), logits.Sizes()[..^1].Append(1L).ToArray());
            return logits.expand(Shapes.Concat(shape[..^1], new[] { logits.Sizes()[^1] })).gather(-1, classes.expand(shape)).squeeze(-1);
        }
        return ConcreteLogDensity(logits, value);
    }

    private Tensor ConcreteLogDensity(Tensor logits, Tensor value)
    {
        var classes = logits.Sizes()[^1];
        var logValue = value.clamp_min(finfo(value.dtype).tiny).log();
        var constant = LogGamma(classes) + (classes - 1) * Math.Log(Temperature);
        var scores = logits - logValue * Temperature;
        return (logits - logValue * (Temperature + 1)).sum(-1) - scores.logsumexp(-1) * classes + constant;
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
