using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Parameters of a <see cref="Bernoulli"/>, held as probabilities or as logits (prefer logits from a network: the
/// log-density is then exact and cheaper).
/// </summary>
public readonly record struct BernoulliParams : IProbabilityParams<BernoulliParams>
{
    private BernoulliParams(Tensor? probs, Tensor? logits)
    {
        HeldProbs = probs;
        HeldLogits = logits;
    }

    /// <summary>The probabilities, when the parameters were given as probabilities.</summary>
    public Tensor? HeldProbs { get; }

    /// <summary>The logits, when the parameters were given as logits.</summary>
    public Tensor? HeldLogits { get; }

    /// <summary>Parameters held as probabilities.</summary>
    public static BernoulliParams FromProbs(Tensor probs) => new(probs ?? throw new ArgumentNullException(nameof(probs)), null);

    /// <summary>Parameters held as logits (a network's output): exact, cheaper log-densities.</summary>
    public static BernoulliParams FromLogits(Tensor logits) => new(null, logits ?? throw new ArgumentNullException(nameof(logits)));

    /// <summary>The probabilities of 1 (computed with a sigmoid when logits are held).</summary>
    public Tensor Probs => HeldProbs ?? HeldLogits!.sigmoid();

    /// <summary>The logits (computed from clamped probabilities when probabilities are held).</summary>
    public Tensor Logits
    {
        get
        {
            if (HeldLogits is { } logits) return logits;
            var clamped = Probabilities.Clamp(HeldProbs!);
            return clamped.log() - (-clamped).log1p();
        }
    }

    /// <summary>The shape of the held tensor.</summary>
    public long[] Shape => (HeldProbs ?? HeldLogits!).Sizes();
}
