using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.RealNvp;

/// <summary>scikit-learn's make_moons(n, noise): two interleaved half circles, shuffled, with Gaussian noise.</summary>
public static class Moons
{
    public static Tensor Sample(long count, double noise = 0.1)
    {
        var outer = count / 2;
        var inner = count - outer;
        var tOuter = linspace(0, System.Math.PI, outer);
        var tInner = linspace(0, System.Math.PI, inner);
        var x = cat(new[] { tOuter.cos(), 1 - tInner.cos() });
        var y = cat(new[] { tOuter.sin(), 1 - tInner.sin() - 0.5 });
        var points = stack(new[] { x, y }, 1).index_select(0, randperm(count));
        return (points + noise * randn(count, 2)).to(ScalarType.Float32);
    }
}
