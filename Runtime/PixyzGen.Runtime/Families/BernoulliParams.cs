using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Parameters of a <see cref="Bernoulli"/>, held as probabilities or as logits (prefer logits from a network: the
/// log-density is then exact and cheaper).
/// </summary>
public readonly record struct BernoulliParams
{
    private BernoulliParams(Tensor? probs, Tensor? logits)
    {
        HeldProbs = probs;
        HeldLogits = logits;
    }

    public Tensor? HeldProbs { get; }

    public Tensor? HeldLogits { get; }

    public static BernoulliParams FromProbs(Tensor probs) => new(probs ?? throw new ArgumentNullException(nameof(probs)), null);

    public static BernoulliParams FromLogits(Tensor logits) => new(null, logits ?? throw new ArgumentNullException(nameof(logits)));

    /// <summary>The probabilities of 1 (computed with a sigmoid when logits are held).</summary>
    public Tensor Probs => HeldProbs ?? HeldLogits!.sigmoid();

    public long[] Shape => (HeldProbs ?? HeldLogits!).Sizes();
}
