using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Reductions over the trailing feature dimensions of a sample-shaped tensor.</summary>
public static class FeatureDims
{
    // The dimension lists (-1), (-1, -2), ... built once: log-densities run on every training step.
    private static readonly long[][] TrailingDims = Enumerable.Range(0, 9).Select(rank => Enumerable.Range(1, rank).Select(i => (long)-i).ToArray()).ToArray();

    /// <summary>Sums the last <paramref name="featureRank"/> dimensions, leaving <c>sample_shape + batch</c>.</summary>
    public static Tensor Sum(Tensor elementwise, int featureRank) => featureRank switch
    {
        0 => elementwise,
        < 9 => elementwise.sum(TrailingDims[featureRank]),
        _ => elementwise.sum(Enumerable.Range(1, featureRank).Select(i => (long)-i).ToArray()),
    };
}
