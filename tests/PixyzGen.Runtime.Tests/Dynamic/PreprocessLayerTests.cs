using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Pixyz's Preprocess: dequantization, squeeze and logit, with the log-determinant autograd finds.</summary>
public class PreprocessLayerTests
{
    [Test]
    public void The_log_determinant_is_the_log_of_the_elementwise_derivative()
    {
        var layer = new PreprocessLayer();
        var x = tensor(new[] { 0f, 0.2f, 0.5f, 1f, 0.9f, 0.05f }).reshape(2, 3).requires_grad_(true);
        manual_seed(3);
        var (z, logDet) = layer.Forward(x);
        z.sum().backward();   // elementwise: the gradient is the Jacobian's diagonal
        // Pixyz's log-determinant is taken from the dequantized image (x * 255 + u) / 256, not from x: each
        // feature's derivative with respect to x carries a further 255 / 256, which it leaves out.
        var expected = x.grad!.log().sum(1) - 3 * System.Math.Log(255.0 / 256);
        Assert.That(logDet.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(logDet.allclose(expected, rtol: 1e-5, atol: 1e-5), Is.True, $"{logDet.ToString(TorchSharp.TensorStringStyle.Numpy)} vs {expected.ToString(TorchSharp.TensorStringStyle.Numpy)}");
    }

    [Test]
    public void Values_follow_Pixyz_s_formula_and_the_inverse_is_the_sigmoid()
    {
        var layer = new PreprocessLayer();
        var x = tensor(new[] { 0f, 0.5f, 1f }).reshape(1, 3);
        manual_seed(5);
        var (z, _) = layer.Forward(x);
        manual_seed(5);
        var u = rand_like(x);
        var s = (1 + (2 * ((x * 255 + u) / 256) - 1) * 0.95) / 2;
        Assert.That(z.allclose((s / (1 - s)).log(), rtol: 1e-5), Is.True);
        var (back, inverseLogDet) = layer.Inverse(z);
        Assert.That(back.allclose(s, rtol: 1e-5), Is.True, "sigmoid(z) is the squeezed, dequantized image");
        Assert.That(back.min().item<float>(), Is.GreaterThan(0.02f));
        Assert.That(back.max().item<float>(), Is.LessThan(0.98f), "alpha keeps the logit finite at 0 and 1");
        Assert.That(inverseLogDet.item<float>(), Is.EqualTo((s * (1 - s)).log().sum().item<float>()).Within(1e-4));
    }

    [Test]
    public void Image_features_sum_over_channels_and_pixels()
    {
        var layer = new PreprocessLayer(featureRank: 3);
        var (z, logDet) = layer.Forward(rand(4, 1, 5, 5));
        Assert.That(z.shape, Is.EqualTo(new long[] { 4, 1, 5, 5 }));
        Assert.That(logDet.shape, Is.EqualTo(new long[] { 4 }));
    }
}

/// <summary>Pixyz's AffineCoupling with one scale_translate_net and its channel-wise masks.</summary>
public class ScaleTranslateCouplingTests
{
    private sealed class Heads : nn.Module<Tensor, (Tensor LogScale, Tensor Shift)>
    {
        private readonly TorchSharp.Modules.Linear trunk = nn.Linear(5, 8), s = nn.Linear(8, 5), t = nn.Linear(8, 5);

        public Heads() : base(nameof(Heads)) => RegisterComponents();

        public override (Tensor LogScale, Tensor Shift) forward(Tensor x)
        {
            var h = nn.functional.relu(trunk.call(x));
            return (s.call(h).tanh(), t.call(h));
        }
    }

    [Test]
    public void Channel_wise_masks_are_Pixyz_s_for_odd_sizes()
    {
        Assert.That(AffineCouplingLayer.ChannelWiseMask(5).data<float>().ToArray(), Is.EqualTo(new[] { 1f, 1f, 0f, 0f, 0f }));
        Assert.That(AffineCouplingLayer.ChannelWiseMask(5, inverse: true).data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0f, 1f, 1f, 1f }));
    }

    [Test]
    public void One_network_gives_scale_and_shift_and_the_layer_inverts_exactly()
    {
        manual_seed(9);
        var heads = new Heads();
        var layer = new AffineCouplingLayer(AffineCouplingLayer.ChannelWiseMask(5), heads);
        var x = randn(4, 5);
        var (y, logDet) = layer.Forward(x);
        var (back, inverseLogDet) = layer.Inverse(y);
        Assert.That(back.allclose(x, rtol: 1e-5, atol: 1e-5), Is.True);
        Assert.That((logDet + inverseLogDet).abs().max().item<float>(), Is.LessThan(1e-5f));
        var (logScale, shift) = heads.call(x * AffineCouplingLayer.ChannelWiseMask(5));
        var transformed = 1 - AffineCouplingLayer.ChannelWiseMask(5);
        Assert.That(logDet.allclose((logScale * transformed).sum(1), rtol: 1e-5), Is.True, "log |det| is the sum of the transformed features' log-scales");
        Assert.That(y.allclose(x * (1 - transformed) + transformed * (x * logScale.exp() + shift), rtol: 1e-5), Is.True);
        Assert.That(layer.parameters().Count(), Is.EqualTo(6), "the network's parameters are the layer's, once");
    }
}
