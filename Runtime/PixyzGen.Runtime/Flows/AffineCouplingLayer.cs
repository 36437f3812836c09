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
    private readonly nn.Module<Tensor, Tensor>? scaleNet;
    [TorchSharp.Utils.ComponentName(Name = "shift")]
    private readonly nn.Module<Tensor, Tensor>? shiftNet;
    [TorchSharp.Utils.ComponentName(Name = "scale_translate")]
    private readonly nn.Module<Tensor, (Tensor LogScale, Tensor Shift)>? scaleShiftNet;

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

    /// <summary>
    /// Pixyz's <c>scale_translate_net</c>: one network gives both the log-scale and the shift (a shared trunk with two
    /// heads, as the real_nvp notebooks write it); bound the log-scale inside it (the notebooks use tanh).
    /// </summary>
    public AffineCouplingLayer(Tensor mask, nn.Module<Tensor, (Tensor LogScale, Tensor Shift)> scaleShiftNet, int featureRank = 1) : base(featureRank)
    {
        if (mask.Dimensions != featureRank) throw new ArgumentException($"The mask must have the feature shape (rank {featureRank}).", nameof(mask));
        this.scaleShiftNet = scaleShiftNet;
        register_buffer(nameof(mask), mask.detach().clone());
        register_module("scale_translate", scaleShiftNet);
    }

    /// <summary>
    /// Pixyz's channel-wise mask over <paramref name="features"/>: the first features / 2 pass through, or, when
    /// <paramref name="inverse"/>, the rest from features / 2 on.
    /// </summary>
    public static Tensor ChannelWiseMask(long features, bool inverse = false)
    {
        var mask = zeros(features);
        var half = features / 2;
        (inverse ? mask.narrow(0, half, features - half) : mask.narrow(0, 0, half)).fill_(1);
        return mask;
    }

    /// <summary>
    /// A coupling over vectors of <paramref name="dim"/> with two-layer MLPs of <paramref name="hidden"/> units; with
    /// <paramref name="conditionDim"/> &gt; 0 the networks also read the flow's conditioning input (Pixyz's real_nvp_cond),
    /// concatenated after the passed-through features.
    /// </summary>
    public static AffineCouplingLayer ForVectors(Tensor mask, long dim, long hidden, long conditionDim = 0) => new(
        mask,
        nn.Sequential(nn.Linear(dim + conditionDim, hidden), nn.ReLU(), nn.Linear(hidden, dim), nn.Tanh()),
        nn.Sequential(nn.Linear(dim + conditionDim, hidden), nn.ReLU(), nn.Linear(hidden, dim)));

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x) => Forward(x, null);

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y) => Inverse(y, null);

    /// <summary>The coupling, its networks reading <paramref name="condition"/> too when the flow is conditional.</summary>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x, Tensor? condition)
    {
        var (kept, scale, shift) = Coupling(x, condition);
        var output = kept + (1 - Mask(x)) * (x * scale.exp() + shift);
        return (output, FeatureDims.Sum(scale * (1 - Mask(x)), FeatureRank));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y, Tensor? condition)
    {
        var (kept, scale, shift) = Coupling(y, condition);
        var output = kept + (1 - Mask(y)) * ((y - shift) * (-scale).exp());
        return (output, -FeatureDims.Sum(scale * (1 - Mask(y)), FeatureRank));
    }

    private Tensor Mask(Tensor like) => get_buffer("mask")!.to(like.dtype, like.device);

    private (Tensor Kept, Tensor Scale, Tensor Shift) Coupling(Tensor x, Tensor? condition)
    {
        var kept = x * Mask(x);
        var inverseMask = 1 - Mask(x);
        // A conditional flow's networks read the condition beside the kept features (vectors: along the last dimension).
        var input = condition is null ? kept : cat(new[] { kept, condition.to(kept.dtype).expand(Shapes.Concat(kept.Sizes()[..^1], condition.Sizes()[^1..])) }, -1);
        if (scaleShiftNet is not null)
        {
            var (logScale, shift) = scaleShiftNet.call(input);
            return (kept, logScale * inverseMask, shift * inverseMask);
        }
        return (kept, scaleNet!.call(input) * inverseMask, shiftNet!.call(input) * inverseMask);
    }
}
