using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Reorders the features (or channels) along one dimension: volume-preserving, so log |det| = 0. Between couplings it
/// lets every feature be transformed; <see cref="Reverse"/> and <see cref="Shuffle"/> are the usual choices.
/// </summary>
public sealed class PermutationLayer : FlowLayer
{
    private readonly long dim;

    /// <param name="permutation">Output position i takes input position permutation[i].</param>
    /// <param name="dim">The dimension permuted: -1 for vector features, -3 for image channels.</param>
    /// <param name="featureRank">Trailing feature dimensions (1 for vectors, 3 for images).</param>
    public PermutationLayer(long[] permutation, long dim = -1, int featureRank = 1) : base(featureRank)
    {
        if (!permutation.OrderBy(i => i).SequenceEqual(Enumerable.Range(0, permutation.Length).Select(i => (long)i)))
            throw new ArgumentException("Not a permutation of 0..n-1.", nameof(permutation));
        if (dim >= 0 || -dim > featureRank) throw new ArgumentOutOfRangeException(nameof(dim), "Permute a feature dimension, counted from the end.");
        this.dim = dim;
        register_buffer("permutation", tensor(permutation));
        register_buffer("inverse_permutation", tensor(permutation.Select((_, i) => (long)Array.IndexOf(permutation, (long)i)).ToArray()));
    }

    /// <summary>Reverses the order along <paramref name="dim"/>.</summary>
    public static PermutationLayer Reverse(long size, long dim = -1, int featureRank = 1) =>
        new(Enumerable.Range(0, (int)size).Reverse().Select(i => (long)i).ToArray(), dim, featureRank);

    /// <summary>A random, fixed permutation along <paramref name="dim"/>.</summary>
    public static PermutationLayer Shuffle(long size, Random random, long dim = -1, int featureRank = 1) =>
        new(Enumerable.Range(0, (int)size).Select(i => (long)i).OrderBy(_ => random.Next()).ToArray(), dim, featureRank);

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x) =>
        (x.index_select(dim, get_buffer("permutation")!.to(ScalarType.Int64, x.device)), zeros(BatchShape(x), dtype: x.dtype, device: x.device));

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y) =>
        (y.index_select(dim, get_buffer("inverse_permutation")!.to(ScalarType.Int64, y.device)), zeros(BatchShape(y), dtype: y.dtype, device: y.device));
}
