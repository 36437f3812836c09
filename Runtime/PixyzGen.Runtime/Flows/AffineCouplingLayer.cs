using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// RealNVP's affine coupling (Dinh et al., 2017): the masked part passes through and conditions a scale and shift of
/// the rest, y = m x + (1 - m)(x exp(s(m x)) + t(m x)); log |det| = sum (1 - m) s. Exactly invertible.
/// The scale is tanh-bounded for stability.
/// </summary>
public sealed class AffineCouplingLayer : FlowLayer
{
    // Registered as "scale" and "shift"; the attributes keep TorchSharp's field registration from adding them twice.
    [TorchSharp.Utils.ComponentName(Name = "scale")]
    private readonly nn.Module<Tensor, Tensor> scaleNet;
    [TorchSharp.Utils.ComponentName(Name = "shift")]
    private readonly nn.Module<Tensor, Tensor> shiftNet;

    /// <param name="mask">1 for the features that pass through, 0 for those transformed; the feature shape.</param>
    /// <param name="scaleNet">s: features to features.</param>
    /// <param name="shiftNet">t: features to features.</param>
    /// <param name="featureRank">Trailing feature dimensions (1 for vectors, 3 for images).</param>
    public AffineCouplingLayer(Tensor mask, nn.Module<Tensor, Tensor> scaleNet, nn.Module<Tensor, Tensor> shiftNet, int featureRank = 1) : base(featureRank)
    {
        if (mask.Dimensions != featureRank) throw new ArgumentException($"The mask must have the feature shape (rank {featureRank}).", nameof(mask));
        this.scaleNet = scaleNet;
        this.shiftNet = shiftNet;
        register_buffer(nameof(mask), mask.detach().clone());
        register_module("scale", scaleNet);
        register_module("shift", shiftNet);
    }

    /// <summary>A coupling over vectors of <paramref name="dim"/> with two-layer MLPs of <paramref name="hidden"/> units.</summary>
    public static AffineCouplingLayer ForVectors(Tensor mask, long dim, long hidden) => new(
        mask,
        nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim), nn.Tanh()),
        nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, dim)));

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var (kept, scale, shift) = Condition(x);
        var output = kept + (1 - Mask(x)) * (x * scale.exp() + shift);
        return (output, FeatureDims.Sum(scale * (1 - Mask(x)), FeatureRank));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var (kept, scale, shift) = Condition(y);
        var output = kept + (1 - Mask(y)) * ((y - shift) * (-scale).exp());
        return (output, -FeatureDims.Sum(scale * (1 - Mask(y)), FeatureRank));
    }

    private Tensor Mask(Tensor like) => get_buffer("mask")!.to(like.dtype, like.device);

    private (Tensor Kept, Tensor Scale, Tensor Shift) Condition(Tensor x)
    {
        var kept = x * Mask(x);
        var inverseMask = 1 - Mask(x);
        return (kept, scaleNet.call(kept) * inverseMask, shiftNet.call(kept) * inverseMask);
    }
}
