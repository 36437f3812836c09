using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// RealNVP's squeeze: each 2x2 spatial block becomes four channels, [C, H, W] to [4C, H/2, W/2]. A permutation of
/// the entries, so log |det| = 0.
/// </summary>
public sealed class SqueezeLayer : FlowLayer
{
    /// <summary>A squeeze: each 2 x 2 spatial block becomes four channels (C x H x W to 4C x H/2 x W/2), volume-preserving.</summary>
    public SqueezeLayer() : base(featureRank: 3)
    {
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var s = x.Sizes();
        var (c, h, w) = (s[^3], s[^2], s[^1]);
        if (h % 2 != 0 || w % 2 != 0) throw new ArgumentException($"SqueezeLayer needs even height and width, got {h}x{w}.", nameof(x));
        var batch = BatchShape(x);
        var r = batch.Length;
        var output = x.reshape(Shapes.Concat(batch, new[] { c, h / 2, 2, w / 2, 2 }))
            .permute(Permutation(r, 0, 2, 4, 1, 3))                       // [batch, c, 2, 2, h/2, w/2]
            .reshape(Shapes.Concat(batch, new[] { c * 4, h / 2, w / 2 }));
        return (output, zeros(batch, dtype: x.dtype, device: x.device));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var s = y.Sizes();
        var (c4, h2, w2) = (s[^3], s[^2], s[^1]);
        var batch = BatchShape(y);
        var r = batch.Length;
        var output = y.reshape(Shapes.Concat(batch, new[] { c4 / 4, 2, 2, h2, w2 }))
            .permute(Permutation(r, 0, 3, 1, 4, 2))                       // [batch, c, h/2, 2, w/2, 2]
            .reshape(Shapes.Concat(batch, new[] { c4 / 4, h2 * 2, w2 * 2 }));
        return (output, zeros(batch, dtype: y.dtype, device: y.device));
    }

    // Batch dimensions stay in front; the five feature dimensions are reordered as given.
    private static long[] Permutation(int batchRank, params int[] features)
    {
        var order = new long[batchRank + features.Length];
        for (var i = 0; i < batchRank; i++) order[i] = i;
        for (var i = 0; i < features.Length; i++) order[batchRank + i] = batchRank + features[i];
        return order;
    }
}
