using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>The multi-scale image RealNVP: exact inverse, and log-determinants equal to the Jacobian's, computed by autograd.</summary>
public class ImageFlowTests
{
    private static RealNVP ImageFlow(long channels, long side, int scales)
    {
        var prior = new Normal(0.0, 1.0, var: new[] { "z" }, features: new[] { channels, side, side });
        return new RealNVP(prior, dim: channels, numMultiscaleLayers: scales, hidden: 8, image: true, var: new[] { "x" });
    }

    [Test]
    public void Squeezing_moves_two_by_two_blocks_into_channels_and_back()
    {
        var squeeze = new SqueezeLayer();
        using var x = arange(16, dtype: ScalarType.Float32).reshape(1, 1, 4, 4);
        var (y, logDet) = squeeze.Forward(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 4, 2, 2 }));
        Assert.That(y[0, .., 0, 0].data<float>().ToArray(), Is.EqualTo(new[] { 0f, 1f, 4f, 5f }));
        Assert.That(logDet.item<float>(), Is.EqualTo(0));
        Assert.That(squeeze.Inverse(y).Output.allclose(x), Is.True);
    }

    [Test]
    public void The_image_flow_inverts_exactly_and_samples_images()
    {
        manual_seed(31);
        using var flow = ImageFlow(channels: 2, side: 8, scales: 3);
        using var z = randn(3, 2, 8, 8);
        var (x, forward) = flow.Transform(z);
        var (back, inverse) = flow.InverseTransform(x);
        Assert.That((back - z).abs().max().item<float>(), Is.LessThan(1e-4f));
        Assert.That((forward + inverse).abs().max().item<float>(), Is.LessThan(1e-4f));
        Assert.That(forward.abs().sum().item<float>(), Is.GreaterThan(0), "random couplings are not volume-preserving");
        var sample = flow.Sample(batchN: 5);
        Assert.That(sample["x"].shape, Is.EqualTo(new long[] { 5, 2, 8, 8 }));
        Assert.That(flow.LogProb(sample).shape, Is.EqualTo(new long[] { 5 }));
    }

    [Test]
    public void The_image_flow_log_determinant_is_the_log_determinant_of_its_Jacobian()
    {
        manual_seed(32);
        using var flow = ImageFlow(channels: 1, side: 4, scales: 2);
        flow.to(ScalarType.Float64);
        using var z = randn(16, dtype: ScalarType.Float64).requires_grad_(true);
        var (x, logDet) = flow.Transform(z.reshape(1, 1, 4, 4));
        var outputs = x.flatten();
        var rows = Enumerable.Range(0, 16)
            .Select(i => autograd.grad(new[] { outputs[i] }, new[] { z }, retain_graph: true)[0])
            .ToArray();
        var jacobian = stack(rows);
        var (_, logAbsDet) = linalg.slogdet(jacobian);
        Assert.That(logDet.item<double>(), Is.EqualTo(logAbsDet.item<double>()).Within(1e-9));
    }

    [Test]
    public void An_image_flow_needs_a_prior_over_images_of_its_channels()
    {
        var prior = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 16 });
        var error = Assert.Throws<System.ArgumentException>(() => new RealNVP(prior, dim: 1, image: true));
        Assert.That(error!.Message, Does.Contain("[C, H, W]").And.Contain("[16]"));
    }

    [Test]
    public void A_channel_permutation_reorders_image_channels_only()
    {
        var layer = PermutationLayer.Reverse(3, dim: -3, featureRank: 3);
        using var x = arange(3 * 2 * 2, dtype: ScalarType.Float32).reshape(1, 3, 2, 2);
        var (y, logDet) = layer.Forward(x);
        Assert.That(y[0, 0].allclose(x[0, 2]) && y[0, 2].allclose(x[0, 0]), Is.True);
        Assert.That(logDet.shape, Is.EqualTo(new long[] { 1 }));
        Assert.That(layer.Inverse(y).Output.allclose(x), Is.True);
    }
}
