using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Batch normalization as a flow layer (RealNVP): in training it normalizes with the batch statistics and updates
/// running averages; in evaluation it uses the running averages, so it is an exact affine bijection.
/// y = (x - mean) / sqrt(var + eps) * exp(log_gamma) + beta; log |det| = sum(log_gamma - log(var + eps) / 2).
/// </summary>
public sealed class BatchNormLayer : FlowLayer
{
    private readonly double momentum;
    private readonly double epsilon;

    /// <summary>Batch normalization of <paramref name="dim"/> features as a flow layer: batch statistics in training, running averages (updated with <paramref name="momentum"/>, PyTorch's convention) in evaluation.</summary>
    public BatchNormLayer(long dim, double momentum = 0.1, double epsilon = 1e-5)
    {
        this.momentum = momentum;
        this.epsilon = epsilon;
        register_parameter("log_gamma", nn.Parameter(zeros(dim)));
        register_parameter("beta", nn.Parameter(zeros(dim)));
        register_buffer("running_mean", zeros(dim));
        register_buffer("running_var", ones(dim));
    }

    // Looked up by name on each call: moving or casting the module replaces the registered tensors.
    private Tensor LogGamma => get_parameter("log_gamma")!;

    private Tensor Beta => get_parameter("beta")!;

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var (mean, variance) = Statistics(x);
        var output = (x - mean) / (variance + epsilon).sqrt() * LogGamma.exp() + Beta;
        return (output, LogDet(variance).expand(BatchShape(x)));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var mean = get_buffer("running_mean")!;
        var variance = get_buffer("running_var")!;
        var output = (y - Beta) * (-LogGamma).exp() * (variance + epsilon).sqrt() + mean;
        return (output, -LogDet(variance).expand(BatchShape(y)));
    }

    private Tensor LogDet(Tensor variance) => (LogGamma - (variance + epsilon).log() * 0.5).sum();

    private (Tensor Mean, Tensor Variance) Statistics(Tensor x)
    {
        var mean = get_buffer("running_mean")!;
        var variance = get_buffer("running_var")!;
        if (!training) return (mean, variance);
        var flat = x.reshape(-1, x.Sizes()[^1]);
        if (flat.Sizes()[0] < 2) throw new InvalidOperationException("BatchNormLayer needs at least two values per batch in training; call eval() to use running statistics.");
        var batchMean = flat.mean(new long[] { 0 });
        var batchVar = flat.var(0, unbiased: false);
        using (no_grad())
        {
            mean.mul_(1 - momentum).add_(batchMean.detach() * momentum);
            variance.mul_(1 - momentum).add_(batchVar.detach() * momentum);
        }
        return (batchMean, batchVar);
    }
}
