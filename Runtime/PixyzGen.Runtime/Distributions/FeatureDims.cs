using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Reductions over the trailing feature dimensions of a sample-shaped tensor.</summary>
public static class FeatureDims
{
    /// <summary>Sums the last <paramref name="featureRank"/> dimensions, leaving <c>sample_shape + batch</c>.</summary>
    public static Tensor Sum(Tensor elementwise, int featureRank) =>
        featureRank == 0 ? elementwise : elementwise.sum(Enumerable.Range(1, featureRank).Select(i => (long)-i).ToArray());
}
