using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Pixyz's <c>Unsqueeze</c>: the inverse of <see cref="SqueezeLayer"/> (4C x H/2 x W/2 to C x H x W), volume-preserving.</summary>
public sealed class UnsqueezeLayer : FlowLayer
{
    private readonly SqueezeLayer squeeze = new();

    /// <summary>An unsqueeze: four channels back into each 2 x 2 spatial block.</summary>
    public UnsqueezeLayer() : base(featureRank: 3)
    {
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x) => squeeze.Inverse(x);

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y) => squeeze.Forward(y);
}
