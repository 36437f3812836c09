using System.Collections.Generic;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.ImageFlows;

/// <summary>
/// The image notebooks' ScaleTranslateNet over [C, H, W]: three 3 x 3 convolutions (the notebooks use an 8-block
/// ResNet, too slow for 2 CPU cores), then a tanh-bounded log-scale and a shift, C channels each.
/// </summary>
public sealed class ConvScaleTranslateNet : Module<Tensor, (Tensor LogScale, Tensor Shift)>
{
    private readonly Module<Tensor, Tensor> net;

    public ConvScaleTranslateNet(int channels, int midChannels) : base(nameof(ConvScaleTranslateNet))
    {
        net = Sequential(
            Conv2d(channels, midChannels, 3, padding: 1), ReLU(),
            Conv2d(midChannels, midChannels, 3, padding: 1), ReLU(),
            Conv2d(midChannels, 2 * channels, 3, padding: 1));
        RegisterComponents();
    }

    public override (Tensor LogScale, Tensor Shift) forward(Tensor x)
    {
        var parts = net.call(x).chunk(2, 1);
        return (parts[0].tanh(), parts[1]);
    }
}

/// <summary>The two notebooks' flow lists over 1 x 28 x 28 digits.</summary>
public static class ImageFlowLayers
{
    /// <summary>Pixyz's checkerboard mask over H x W: 1 where (i + j) is even, or odd when <paramref name="inverse"/>.</summary>
    public static Tensor Checkerboard(long channels, long height, long width, bool inverse)
    {
        var i = arange(height).unsqueeze(1);
        var j = arange(width).unsqueeze(0);
        var mask = (i + j).remainder(2).eq(inverse ? 1 : 0).to(ScalarType.Float32);
        return mask.unsqueeze(0).expand(channels, height, width).contiguous();
    }

    /// <summary>Pixyz's channel-wise mask over C channels: the first C / 2 pass through (the rest when inverse), at every pixel.</summary>
    public static Tensor ChannelWise(long channels, bool inverse) => AffineCouplingLayer.ChannelWiseMask(channels, inverse).reshape(channels, 1, 1);

    /// <summary>real_nvp_cifar: Preprocess, 3 checkerboard couplings, squeeze, 3 channel-wise couplings, unsqueeze.</summary>
    public static FlowLayer[] RealNvp(int mid)
    {
        var layers = new List<FlowLayer> { new PreprocessLayer(featureRank: 3) };
        for (var i = 0; i < 3; i++) layers.Add(new AffineCouplingLayer(Checkerboard(1, 28, 28, i % 2 != 0), new ConvScaleTranslateNet(1, mid), featureRank: 3));
        layers.Add(new SqueezeLayer());
        for (var i = 0; i < 3; i++) layers.Add(new AffineCouplingLayer(ChannelWise(4, i % 2 != 0), new ConvScaleTranslateNet(4, 2 * mid), featureRank: 3));
        layers.Add(new UnsqueezeLayer());
        return layers.ToArray();
    }

    /// <summary>glow: Preprocess, squeeze, 3 x (ActNorm, invertible 1 x 1 convolution, channel-wise coupling), unsqueeze.</summary>
    public static FlowLayer[] Glow(int mid)
    {
        var layers = new List<FlowLayer> { new PreprocessLayer(featureRank: 3), new SqueezeLayer() };
        for (var i = 0; i < 3; i++)
        {
            layers.Add(new ActNormLayer(4));
            layers.Add(new ChannelConvLayer(4));
            layers.Add(new AffineCouplingLayer(ChannelWise(4, inverse: false), new ConvScaleTranslateNet(4, 2 * mid), featureRank: 3));
        }
        layers.Add(new UnsqueezeLayer());
        return layers.ToArray();
    }
}

/// <summary>real_nvp_cifar's p(x) over 1 x 28 x 28 digits.</summary>
[Distribution("p(x)")]
public sealed partial class ImageRealNvp : InverseTransformedDistribution
{
    public ImageRealNvp() : base(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 1, 28, 28 }, name: "p_prior"), ImageFlowLayers.RealNvp(32))
    {
    }
}

/// <summary>glow's p(x) over 1 x 28 x 28 digits.</summary>
[Distribution("p(x)")]
public sealed partial class ImageGlow : InverseTransformedDistribution
{
    public ImageGlow() : base(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 1, 28, 28 }, name: "p_prior"), ImageFlowLayers.Glow(32))
    {
    }
}

[Model("p(x) = p(x)")]
public sealed partial class ImageRealNvpModel : GenerativeModel
{
    public ImageRealNvp P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor Nll(Tensor x);
}

[Model("p(x) = p(x)")]
public sealed partial class ImageGlowModel : GenerativeModel
{
    public ImageGlow P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor Nll(Tensor x);
}
