using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A Bernoulli whose log-likelihood counts only the observed (non-zero) entries, as in "Generative Models of
/// Visually Grounded Imagination" (Vedantam et al.): absent attributes are unspecified, not false.
/// </summary>
public class FactorizedBernoulli : Bernoulli
{
    /// <summary>A factorized Bernoulli with the given probabilities: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public FactorizedBernoulli(ParamSource probs, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(probs, var, condVar, name, features)
    {
    }

    /// <summary>A FactorizedBernoulli whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected FactorizedBernoulli(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(FactorizedBernoulli);

    /// <inheritdoc/>
    public override Tensor LogProbOf(BernoulliParams p, Tensor value, string variable) =>
        SumFeatures(CheckedElements(p, value, variable, () => LogProbElements(p, value)));

    /// <summary>The Bernoulli log-likelihood where the value is non-zero, 0 where it is zero.</summary>
    protected override Tensor LogProbElements(BernoulliParams p, Tensor value) =>
        base.LogProbElements(p, value).where(value.ne(0), 0.0);
}
