using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// One scale of RealNVP's multi-scale architecture over images [C, H, W] (Dinh et al., 2017, section 3.6): three
/// checkerboard couplings, a squeeze, three channel-wise couplings, then half of the channels are factored out and
/// the other half go through the next, coarser scale. The last scale is four checkerboard couplings. Factored-out
/// channels are put back and the squeeze undone, so the whole block maps [C, H, W] to [C, H, W] bijectively.
/// </summary>
public sealed class MultiScaleBlock : FlowLayer
{
    private readonly FlowLayer[] before;
    private readonly FlowLayer[] after;
    // Registered as "next"; the attribute keeps TorchSharp's field registration from adding it twice.
    [TorchSharp.Utils.ComponentName(Name = "next")]
    private readonly MultiScaleBlock? inner;
    private readonly SqueezeLayer squeeze = new();

    /// <summary>RealNVP's multi-scale block for <paramref name="channels"/> x <paramref name="height"/> x <paramref name="width"/> images: couplings, a squeeze, and <paramref name="scales"/> - 1 further levels on half the channels.</summary>
    public MultiScaleBlock(long channels, long height, long width, int scales, long hidden) : base(featureRank: 3)
    {
        if (scales < 1) throw new ArgumentOutOfRangeException(nameof(scales));
        var last = scales == 1;
        before = Enumerable.Range(0, last ? 4 : 3).Select(i => Coupling(Checkerboard(channels, height, width, i % 2 == 1), channels, hidden)).ToArray();
        if (!last)
        {
            if (height % 2 != 0 || width % 2 != 0) throw new ArgumentException($"A {height}x{width} image cannot be squeezed for {scales} scales.");
            var squeezed = channels * 4;
            after = Enumerable.Range(0, 3).Select(i => Coupling(ChannelMask(squeezed, height / 2, width / 2, i % 2 == 1), squeezed, hidden)).ToArray();
            inner = new MultiScaleBlock(squeezed / 2, height / 2, width / 2, scales - 1, hidden);
        }
        else
        {
            after = Array.Empty<FlowLayer>();
        }
        for (var i = 0; i < before.Length; i++) register_module($"checkerboard{i}", before[i]);
        for (var i = 0; i < after.Length; i++) register_module($"channelwise{i}", after[i]);
        if (inner is not null) register_module("next", inner);
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var logDet = zeros(BatchShape(x), dtype: x.dtype, device: x.device);
        foreach (var layer in before) x = Apply(layer.Forward(x), ref logDet);
        if (inner is null) return (x, logDet);
        x = Apply(squeeze.Forward(x), ref logDet);
        foreach (var layer in after) x = Apply(layer.Forward(x), ref logDet);
        var halves = x.chunk(2, -3);
        var coarse = Apply(inner.Forward(halves[1]), ref logDet);
        x = cat(new[] { halves[0], coarse }, -3);
        return (squeeze.Inverse(x).Output, logDet);
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var logDet = zeros(BatchShape(y), dtype: y.dtype, device: y.device);
        if (inner is not null)
        {
            y = squeeze.Forward(y).Output;
            var halves = y.chunk(2, -3);
            var coarse = Apply(inner.Inverse(halves[1]), ref logDet);
            y = cat(new[] { halves[0], coarse }, -3);
            foreach (var layer in after.Reverse()) y = Apply(layer.Inverse(y), ref logDet);
            y = squeeze.Inverse(y).Output;
        }
        foreach (var layer in before.Reverse()) y = Apply(layer.Inverse(y), ref logDet);
        return (y, logDet);
    }

    private static Tensor Apply((Tensor Output, Tensor LogDet) step, ref Tensor logDet)
    {
        logDet = logDet + step.LogDet;
        return step.Output;
    }

    private static AffineCouplingLayer Coupling(Tensor mask, long channels, long hidden) => new(
        mask,
        nn.Sequential(nn.Conv2d(channels, hidden, 3, padding: 1), nn.ReLU(), nn.Conv2d(hidden, channels, 3, padding: 1), nn.Tanh()),
        nn.Sequential(nn.Conv2d(channels, hidden, 3, padding: 1), nn.ReLU(), nn.Conv2d(hidden, channels, 3, padding: 1)),
        featureRank: 3);

    /// <summary>1 where (row + column) is even (or odd when <paramref name="flip"/>), over every channel.</summary>
    private static Tensor Checkerboard(long channels, long height, long width, bool flip)
    {
        var rows = arange(height).unsqueeze(1);
        var columns = arange(width).unsqueeze(0);
        var even = (rows + columns).remainder(2).eq(flip ? 1 : 0).to(ScalarType.Float32);
        return even.unsqueeze(0).expand(channels, height, width).contiguous();
    }

    /// <summary>1 on the first half of the channels (the second half when <paramref name="flip"/>).</summary>
    private static Tensor ChannelMask(long channels, long height, long width, bool flip)
    {
        var first = arange(channels).lt(channels / 2);
        var mask = (flip ? first.logical_not() : first).to(ScalarType.Float32);
        return mask.reshape(channels, 1, 1).expand(channels, height, width).contiguous();
    }
}
