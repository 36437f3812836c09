using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The multinomial family: counts over K classes (last dimension) from <see cref="TotalCount"/> independent categorical trials.</summary>
public class Multinomial : ProbabilityFamily<CategoricalParams>
{
    /// <summary>A multinomial of totalCount trials over the given class probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Multinomial(long totalCount, ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(probs, var, condVar, name, features)
    {
        TotalCount = totalCount > 0 ? totalCount : throw new ArgumentOutOfRangeException(nameof(totalCount), $"{Describe()}: totalCount must be positive.");
    }

    /// <summary>A Multinomial whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Multinomial(long totalCount, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(null, var, condVar, name, features)
    {
        TotalCount = totalCount > 0 ? totalCount : throw new ArgumentOutOfRangeException(nameof(totalCount), $"{Describe()}: totalCount must be positive.");
    }

    /// <summary>The number of trials each draw counts.</summary>
    public long TotalCount { get; }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Multinomial);

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <inheritdoc/>
    protected internal override int EventRank => 1;

    /// <inheritdoc/>
    protected override void CheckProbs(Tensor probs) => CheckClassProbs(probs);

    /// <summary>Counts of shape <c>sampleShape + parameter shape</c> (float, like the probabilities).</summary>
    public override Tensor SampleFrom(CategoricalParams p, params long[] sampleShape)
    {
        using (no_grad())
        {
            var trials = Categorical.SampleIndices(p, Shapes.Concat(new[] { TotalCount }, sampleShape));  // [n, sample..., batch...]
            return nn.functional.one_hot(trials, p.Classes).sum(dim: 0).to(p.Probs.dtype);
        }
    }

    /// <summary>log n! - sum_k log x_k! + sum_k x_k log p_k, per count vector.</summary>
    protected override Tensor LogProbElements(CategoricalParams p, Tensor value) =>
        (value * p.LogProbs).sum(-1) - (value + 1).lgamma().sum(-1) + LogFactorial(TotalCount);

    /// <inheritdoc/>
    public override Tensor MeanOf(CategoricalParams p) => p.Probs * TotalCount;

    /// <inheritdoc/>
    public override Tensor VarianceOf(CategoricalParams p)
    {
        var probs = p.Probs;
        return probs * (1 - probs) * TotalCount;
    }

    private static double LogFactorial(long n)
    {
        double sum = 0;
        for (var i = 2; i <= n; i++) sum += Math.Log(i);
        return sum;
    }
}
