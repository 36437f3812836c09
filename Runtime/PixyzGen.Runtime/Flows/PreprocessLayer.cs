using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Pixyz's <c>Preprocess</c> flow for images in [0, 1]: dequantize (x * 255 + u) / 256 with u ~ U(0, 1), squeeze into
/// (alpha / 2, 1 - alpha / 2) with alpha = 0.05, then the logit. The log-determinant is the logit step's and the
/// squeeze's, as Pixyz computes it (the density is of the dequantized image in [0, 1]); the inverse is the sigmoid.
/// </summary>
public sealed class PreprocessLayer : FlowLayer
{
    private const double Alpha = 0.05;

    /// <summary>A preprocessing layer over values whose last <paramref name="featureRank"/> dimensions are features.</summary>
    public PreprocessLayer(int featureRank = 1) : base(featureRank)
    {
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var dequantized = (x * 255 + rand_like(x)) / 256;
        var squeezed = (1 + (2 * dequantized - 1) * (1 - Alpha)) / 2;
        var z = squeezed.log() - (1 - squeezed).log();
        // log dz/dx = -log(s (1 - s)) + log(1 - alpha) = softplus(z) + softplus(-z) - softplus(logit(alpha)).
        var perFeature = nn.functional.softplus(z) + nn.functional.softplus(-z) + System.Math.Log(1 - Alpha);
        return (z, perFeature.sum(FeatureDimensions(x)));
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Inverse(Tensor y)
    {
        var x = y.sigmoid();
        // Pixyz's inverse is the sigmoid alone; its log-determinant is log s (1 - s) per feature.
        var perFeature = -(nn.functional.softplus(y) + nn.functional.softplus(-y));
        return (x, perFeature.sum(FeatureDimensions(y)));
    }

    private long[] FeatureDimensions(Tensor value)
    {
        var dims = new long[FeatureRank];
        for (var i = 0; i < FeatureRank; i++) dims[i] = value.dim() - FeatureRank + i;
        return dims;
    }
}
