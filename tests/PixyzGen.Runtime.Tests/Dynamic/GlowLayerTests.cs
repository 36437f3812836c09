using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Glow's layers (ActNorm2d, ChannelConv, Unsqueeze): exact inverses, and log-determinants equal to autograd's.</summary>
public class GlowLayerTests
{
    // log |det J| of the map of one image [C, H, W], its Jacobian built row by row by autograd.
    private static double LogDetByAutograd(FlowLayer layer, Tensor image)
    {
        var x = image.unsqueeze(0).detach().requires_grad_(true);
        var (y, _) = layer.Forward(x);
        var flat = y.flatten();
        var rows = new Tensor[flat.shape[0]];
        for (var i = 0; i < rows.Length; i++)
        {
            x.grad?.zero_();
            flat[i].backward(retain_graph: true);
            rows[i] = x.grad!.flatten().clone();
        }
        return linalg.slogdet(stack(rows).to(ScalarType.Float64)).Item2.item<double>();
    }

    private static void AssertExact(FlowLayer layer, Tensor x)
    {
        var (y, logDet) = layer.Forward(x);
        var (back, inverseLogDet) = layer.Inverse(y);
        Assert.That(back.allclose(x, rtol: 1e-4, atol: 1e-5), Is.True, "the inverse undoes the layer");
        Assert.That((logDet + inverseLogDet).abs().max().item<float>(), Is.LessThan(1e-4f));
        Assert.That(logDet.shape, Is.EqualTo(new[] { x.shape[0] }));
        Assert.That(logDet[0].item<float>(), Is.EqualTo(LogDetByAutograd(layer, x[0])).Within(1e-3));
    }

    [Test]
    public void ActNorm_initializes_from_the_first_training_batch_and_then_learns()
    {
        manual_seed(1);
        var layer = new ActNormLayer(3);
        var x = randn(64, 3, 4, 4) * tensor(new[] { 2f, 0.5f, 3f }).reshape(3, 1, 1) + 1.5f;
        var (y, _) = layer.Forward(x);
        var perChannel = y.transpose(0, 1).reshape(3, -1);
        Assert.That(perChannel.mean(new long[] { 1 }).abs().max().item<float>(), Is.LessThan(1e-4f));
        Assert.That((perChannel.std(1) - 1).abs().max().item<float>(), Is.LessThan(1e-2f));
        var logs = layer.get_parameter("logs")!.clone();
        layer.Forward(randn(8, 3, 4, 4));
        Assert.That(layer.get_parameter("logs")!.eq(logs).all().item<bool>(), Is.True, "only the first batch initializes");
        Assert.That(layer.state_dict().ContainsKey("initialized"), Is.True, "a checkpoint remembers it");
        AssertExact(layer, randn(2, 3, 2, 2));
    }

    [Test]
    public void ChannelConv_is_an_exact_rotation_at_first_and_its_log_determinant_follows_the_weight()
    {
        manual_seed(2);
        var layer = new ChannelConvLayer(4);
        AssertExact(layer, randn(2, 4, 3, 3));
        using (no_grad()) layer.get_parameter("weight")!.mul_(tensor(new[] { 2f, 1f, 0.5f, 3f }).unsqueeze(1));
        AssertExact(layer, randn(2, 4, 2, 2));
    }

    [Test]
    public void Unsqueeze_undoes_squeeze()
    {
        var x = randn(2, 1, 4, 4);
        var (squeezed, _) = new SqueezeLayer().Forward(x);
        var (back, logDet) = new UnsqueezeLayer().Forward(squeezed);
        Assert.That(back.eq(x).all().item<bool>(), Is.True);
        Assert.That(logDet.abs().sum().item<float>(), Is.EqualTo(0));
    }
}
