using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Class probabilities over the last dimension (K classes), held as probabilities or as unnormalized logits.
/// Used by <see cref="Categorical"/>, <see cref="RelaxedCategorical"/> and <see cref="Multinomial"/>.
/// </summary>
public readonly record struct CategoricalParams : IProbabilityParams<CategoricalParams>
{
    private CategoricalParams(Tensor? probs, Tensor? logits)
    {
        HeldProbs = probs;
        HeldLogits = logits;
    }

    /// <summary>The probabilities, when the parameters were given as probabilities.</summary>
    public Tensor? HeldProbs { get; }

    /// <summary>The logits, when the parameters were given as logits.</summary>
    public Tensor? HeldLogits { get; }

    /// <summary>Probabilities (need not be normalized: they are divided by their sum).</summary>
    public static CategoricalParams FromProbs(Tensor probs) => new(probs ?? throw new ArgumentNullException(nameof(probs)), null);

    /// <summary>Unnormalized log-probabilities, e.g. a network's output.</summary>
    public static CategoricalParams FromLogits(Tensor logits) => new(null, logits ?? throw new ArgumentNullException(nameof(logits)));

    /// <summary>Normalized probabilities over the last dimension.</summary>
    public Tensor Probs => HeldLogits is { } logits ? logits.softmax(-1) : HeldProbs! / HeldProbs!.sum(-1, keepdim: true);

    /// <summary>Normalized log-probabilities, finite even where a probability is 0 (clamped as torch.distributions does).</summary>
    public Tensor LogProbs => HeldLogits is { } logits
        ? logits.log_softmax(-1)
        : Probabilities.Clamp(Probs).log();

    /// <summary>Unnormalized logits (log-probabilities when probabilities are held).</summary>
    public Tensor Logits => HeldLogits ?? LogProbs;

    /// <summary>The shape of the held tensor.</summary>
    public long[] Shape => (HeldProbs ?? HeldLogits!).Sizes();

    /// <summary>The number of classes (the last dimension).</summary>
    public long Classes => Shape.Length == 0 ? throw new InvalidOperationException("Class probabilities need a class dimension.") : Shape[^1];
}
