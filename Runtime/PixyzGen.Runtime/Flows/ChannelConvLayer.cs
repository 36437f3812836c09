using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Glow's invertible 1 x 1 convolution over images [C, H, W] (Pixyz's <c>ChannelConv</c>): each pixel's channels
/// are multiplied by a C x C matrix W, initialized to a random rotation; log |det| = H W log |det W|. The inverse
/// multiplies by W^-1 (computed in double precision, as Pixyz does).
/// </summary>
public sealed class ChannelConvLayer : FlowLayer
{
    /// <summary>An invertible 1 x 1 convolution of <paramref name="channels"/> channels.</summary>
    public ChannelConvLayer(long channels) : base(featureRank: 3)
    {
        var (q, _) = linalg.qr(randn(channels, channels));
        register_parameter("weight", nn.Parameter(q.contiguous()));
    }

    private Tensor Weight => get_parameter("weight")!;

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x) => (Mix(x, Weight), LogDet(x));

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y) =>
        (Mix(y, linalg.inv(Weight.to(ScalarType.Float64)).to(Weight.dtype)), -LogDet(y));

    // out[c] = sum_k w[c, k] in[k] at every pixel: the 1 x 1 convolution, over any batch shape.
    private static Tensor Mix(Tensor x, Tensor weight) => einsum("ck,...khw->...chw", weight, x);

    private Tensor LogDet(Tensor like) => (linalg.slogdet(Weight).Item2 * (like.shape[^1] * like.shape[^2])).expand(BatchShape(like));
}
