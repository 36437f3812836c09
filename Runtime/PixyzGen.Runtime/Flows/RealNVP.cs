using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Pixyz's <c>RealNVP(prior, dim, num_multiscale_layers, image)</c>. Over vectors (<c>image: false</c>) each scale
/// is three affine couplings with alternating masks (even/odd features), optionally followed by a batch-normalization
/// layer, and scales are separated by a feature reversal. Over images (<c>image: true</c>, the prior's features
/// [C, H, W] with C = <c>dim</c>) it is the multi-scale architecture of <see cref="MultiScaleBlock"/>: checkerboard
/// and channel-wise couplings, squeezes and factored-out channels. Exactly invertible either way.
/// </summary>
public sealed class RealNVP : TransformedDistribution
{
    /// <summary>A RealNVP flow over <paramref name="prior"/>: affine couplings (and, for images, squeezes and multi-scale blocks) with <paramref name="hidden"/> units, optionally with batch normalization.</summary>
    public RealNVP(
        Distribution prior, long dim, int numMultiscaleLayers = 2, long hidden = 64, bool batchNorm = false, bool image = false,
        IReadOnlyList<string>? var = null, string name = "p")
        : base(prior, image ? ImageLayers(prior, dim, numMultiscaleLayers, hidden) : BuildLayers(dim, numMultiscaleLayers, hidden, batchNorm), var, name)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(RealNVP);

    private static FlowLayer[] ImageLayers(Distribution prior, long channels, int scales, long hidden)
    {
        if (prior.FeatureShape is not { Count: 3 } shape || shape[0] != channels)
            throw new ArgumentException($"An image RealNVP needs a prior over [C, H, W] with C = {channels}; {prior.ProbText} has features [{string.Join(", ", prior.FeatureShape ?? new long[0])}].", nameof(prior));
        return new FlowLayer[] { new MultiScaleBlock(channels, shape[1], shape[2], scales, hidden) };
    }

    private static FlowLayer[] BuildLayers(long dim, int scales, long hidden, bool batchNorm)
    {
        if (dim < 2) throw new ArgumentOutOfRangeException(nameof(dim), "RealNVP couples halves of the features: it needs at least two.");
        if (scales < 1) throw new ArgumentOutOfRangeException(nameof(scales), "RealNVP needs at least one scale.");
        var even = tensor(Enumerable.Range(0, (int)dim).Select(i => i % 2 == 0 ? 1f : 0f).ToArray());
        var odd = 1 - even;
        var layers = new List<FlowLayer>();
        for (var s = 0; s < scales; s++)
        {
            if (s > 0) layers.Add(PermutationLayer.Reverse(dim));
            layers.Add(AffineCouplingLayer.ForVectors(even, dim, hidden));
            layers.Add(AffineCouplingLayer.ForVectors(odd, dim, hidden));
            layers.Add(AffineCouplingLayer.ForVectors(even, dim, hidden));
            if (batchNorm) layers.Add(new BatchNormLayer(dim));
        }
        return layers.ToArray();
    }
}
