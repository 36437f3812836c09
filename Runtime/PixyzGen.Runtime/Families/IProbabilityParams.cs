using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Parameters held as probabilities or as logits (<see cref="BernoulliParams"/>, <see cref="CategoricalParams"/>): what
/// <see cref="ProbabilityFamily{TParams}"/> needs to build them from constants and to check given probabilities.
/// </summary>
public interface IProbabilityParams<TSelf> where TSelf : struct, IProbabilityParams<TSelf>
{
    /// <summary>Parameters held as the given probabilities.</summary>
    static abstract TSelf FromProbs(Tensor probs);

    /// <summary>The probabilities, when the parameters were given as probabilities (null for logits).</summary>
    Tensor? HeldProbs { get; }

    /// <summary>The probabilities, computed from logits when logits are held.</summary>
    Tensor Probs { get; }

    /// <summary>The shape of the held tensor.</summary>
    long[] Shape { get; }
}
