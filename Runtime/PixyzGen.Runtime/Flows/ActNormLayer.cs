using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Glow's activation normalization over images [C, H, W] (Pixyz's <c>ActNorm2d</c>): y = (x + bias) * exp(logs) per
/// channel; log |det| = H W sum(logs). The first training batch sets bias and logs so that each channel's output has
/// zero mean and unit variance; whether that happened is a buffer, so a loaded checkpoint is not initialized again.
/// </summary>
public sealed class ActNormLayer : FlowLayer
{
    private readonly double scale;

    /// <summary>An activation normalization of <paramref name="channels"/> channels, initialized to output standard deviation <paramref name="scale"/>.</summary>
    public ActNormLayer(long channels, double scale = 1.0) : base(featureRank: 3)
    {
        this.scale = scale;
        register_parameter("bias", nn.Parameter(zeros(channels, 1, 1)));
        register_parameter("logs", nn.Parameter(zeros(channels, 1, 1)));
        register_buffer("initialized", zeros(1));
    }

    private Tensor Bias => get_parameter("bias")!;

    private Tensor Logs => get_parameter("logs")!;

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        InitializeFrom(x);
        var output = (x + Bias) * Logs.exp();
        return (output, LogDet(x));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var output = y * (-Logs).exp() - Bias;
        return (output, -LogDet(y));
    }

    private Tensor LogDet(Tensor like) => (Logs.sum() * (like.shape[^1] * like.shape[^2])).expand(BatchShape(like));

    private void InitializeFrom(Tensor x)
    {
        var flag = get_buffer("initialized")!;
        if (!training || flag.item<float>() != 0) return;
        using var noGrad = no_grad();
        var channelsFirst = x.reshape(-1, x.shape[^3], x.shape[^2], x.shape[^1]).transpose(0, 1).reshape(x.shape[^3], -1);
        var bias = -channelsFirst.mean(new long[] { 1 });
        var std = (channelsFirst + bias.unsqueeze(1)).square().mean(new long[] { 1 }).sqrt();
        Bias.copy_(bias.reshape(-1, 1, 1));
        Logs.copy_((scale / (std + 1e-6)).log().reshape(-1, 1, 1));
        flag.fill_(1);
    }
}
