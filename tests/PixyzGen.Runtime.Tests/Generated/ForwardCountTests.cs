using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>Generated losses of the VAE, M2 and JMVAE run each network once per evaluation, however many terms use it.</summary>
public class ForwardCountTests
{
    private static Tensor Images() => bernoulli(full(8, 3, 0.4f));

    private static Tensor Labels() => nn.functional.one_hot(randint(0, 3, new long[] { 8 }), 3).to(ScalarType.Float32);

    [Test]
    public void M2_losses_call_each_network_once()
    {
        manual_seed(4);
        using var m2 = new SmallM2();
        var x = bernoulli(full(8, 4, 0.4f));
        var y = Labels();
        m2.Labelled(x, y);
        Assert.That((m2.Qy.Calls, m2.Qz.Calls, m2.P.Calls), Is.EqualTo((0, 1, 1)));
        var loss = m2.Unlabelled(x);
        Assert.That((m2.Qy.Calls, m2.Qz.Calls, m2.P.Calls), Is.EqualTo((1, 2, 2)), "q(y|x) feeds the expectation and the entropy once");
        Assert.That(float.IsFinite(loss.item<float>()), Is.True);
    }

    [Test]
    public void JMVAE_loss_calls_the_joint_encoder_once_for_four_terms()
    {
        manual_seed(5);
        using var jmvae = new SmallJmvae();
        var x = Images();
        var y = Labels();
        var loss = jmvae.Loss(x, y, 0.5);
        Assert.That((jmvae.Q.Calls, jmvae.Qx.Calls, jmvae.Qy.Calls, jmvae.Px.Calls, jmvae.Py.Calls), Is.EqualTo((1, 1, 1, 1, 1)));
        Assert.That(float.IsFinite(loss.item<float>()), Is.True);
    }
}
