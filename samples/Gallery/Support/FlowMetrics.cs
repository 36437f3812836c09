using System;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>How flows on images are compared.</summary>
public static class FlowMetrics
{
    /// <summary>
    /// Bits per dimension of the 8-bit image from a negative log-likelihood in nats of the dequantized image in
    /// [0, 1] (Pixyz's Preprocess scores that density, which may be negative): the 0-255 scale adds log 256 per pixel.
    /// </summary>
    public static double BitsPerDimension(double nats, int dimensions) => (nats + dimensions * Math.Log(256)) / (dimensions * Math.Log(2));
}
