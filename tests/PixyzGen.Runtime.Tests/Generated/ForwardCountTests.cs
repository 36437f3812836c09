using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>
/// Generated losses of the VAE, M2 and JMVAE run each network once per evaluation, however many terms use it; so do
/// the same losses built with the dynamic API (one <c>Eval</c> shares forward passes through ForwardMemo).
/// </summary>
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

    [Test]
    public void The_dynamic_M2_losses_call_each_network_once_per_evaluation()
    {
        manual_seed(4);
        using var m2 = new SmallM2();
        var x = bernoulli(full(8, 4, 0.4f));
        var y = Labels();
        var reconstruction = new Expectation(m2.Qz, m2.P.LogProbLoss() + m2.Py.LogProbLoss());
        var labelled = (new KullbackLeibler(m2.Qz, m2.Pz) - reconstruction).Mean();
        labelled.Eval(new Variables { ["x"] = x, ["y"] = y });
        Assert.That((m2.Qy.Calls, m2.Qz.Calls, m2.P.Calls), Is.EqualTo((0, 1, 1)));
        var unlabelled = (new Expectation(m2.Qy, new KullbackLeibler(m2.Qz, m2.Pz) - reconstruction) - new Entropy(m2.Qy)).Mean();
        var loss = unlabelled.Eval(new Variables { ["x"] = x });
        Assert.That((m2.Qy.Calls, m2.Qz.Calls, m2.P.Calls), Is.EqualTo((1, 2, 2)), "q(y|x) feeds the expectation and the entropy once; q(z|x,y) the KL and the inner expectation once");
        Assert.That(float.IsFinite(loss.item<float>()), Is.True);
    }

    [Test]
    public void The_dynamic_JMVAE_loss_calls_the_joint_encoder_once_for_four_terms()
    {
        manual_seed(5);
        using var jmvae = new SmallJmvae();
        var loss = (new KullbackLeibler(jmvae.Q, jmvae.Pz) - new Expectation(jmvae.Q, jmvae.Px.LogProbLoss() + jmvae.Py.LogProbLoss())
            + 0.5 * (new KullbackLeibler(jmvae.Q, jmvae.Qx) + new KullbackLeibler(jmvae.Q, jmvae.Qy))).Mean();
        var value = loss.Eval(new Variables { ["x"] = Images(), ["y"] = Labels() });
        Assert.That((jmvae.Q.Calls, jmvae.Qx.Calls, jmvae.Qy.Calls, jmvae.Px.Calls, jmvae.Py.Calls), Is.EqualTo((1, 1, 1, 1, 1)), "Pixyz 0.3 without its memo runs the joint encoder four times");
        Assert.That(float.IsFinite(value.item<float>()), Is.True);
    }
}
