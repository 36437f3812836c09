using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The families whose one parameter is <c>probs</c> (Bernoulli, Categorical, Multinomial and their Concrete relaxations):
/// how constants become parameters, which tensors the parameters hold and when given probabilities are checked,
/// written once. Each family says what valid probabilities are (<see cref="CheckProbs"/>).
/// </summary>
public abstract class ProbabilityFamily<TParams> : FamilyDistribution<TParams> where TParams : struct, IProbabilityParams<TParams>
{
    private static readonly string[] Names = { "probs" };

    /// <summary>Constant or variable probabilities (<paramref name="probs"/>), or none when a network computes them.</summary>
    private protected ProbabilityFamily(
        ParamSource? probs, IReadOnlyList<string>? var, IReadOnlyList<string>? condVar, string? name, long[]? features, int extraParameterRank = 0)
        : base(Names, probs is { } source ? new[] { source } : null, var, condVar, name, features, extraParameterRank)
    {
    }

    /// <inheritdoc/>
    protected sealed override TParams CreateParams(Tensor[] raw) => TParams.FromProbs(raw[0]);

    /// <inheritdoc/>
    protected sealed override Tensor[] ParamTensors(TParams p) => new[] { p.Probs };

    /// <summary>Probabilities given as such are checked; logits (a network's output) are valid by construction.</summary>
    protected sealed override void CheckParams(TParams p)
    {
        if (p.HeldProbs is { } probs) CheckProbs(probs);
    }

    /// <summary>Throws, naming the parameter, when <paramref name="probs"/> are not valid for this family.</summary>
    protected abstract void CheckProbs(Tensor probs);

    /// <inheritdoc/>
    protected override long[] ValueShape(TParams p) => p.Shape;

    /// <summary>Class probabilities over the last dimension: non-negative, with a positive sum over the classes.</summary>
    private protected void CheckClassProbs(Tensor probs)
    {
        if (!probs.ge(0).all().item<bool>()) throw ParameterError("probs", "must be non-negative");
        if (!probs.sum(-1).gt(0).all().item<bool>()) throw ParameterError("probs", "must have a positive sum over the classes");
    }
}
