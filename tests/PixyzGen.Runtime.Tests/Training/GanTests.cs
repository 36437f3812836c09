using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Training;

/// <summary>GAN and WGAN on a 2-D toy problem: data N((2, -1), 0.5^2 I), a generator that shifts and scales noise.</summary>
public class GanTests
{
    private sealed class Generator : Deterministic
    {
        private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 2);

        public Generator() : base(var: new[] { "x" }, condVar: new[] { "z" }) => RegisterComponents();

        protected override Tensor Forward(Variables inputs) => net.call(inputs["z"]);
    }

    /// <summary>A discriminator D(x): a probability for the JS objective, an unbounded score for WGAN.</summary>
    private sealed class Critic : Deterministic
    {
        private readonly TorchSharp.Modules.Sequential net = nn.Sequential(nn.Linear(2, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1));
        private readonly bool probability;

        public Critic(bool probability) : base(var: new[] { "t" }, condVar: new[] { "x" })
        {
            this.probability = probability;
            RegisterComponents();
        }

        protected override Tensor Forward(Variables inputs)
        {
            var score = net.call(inputs["x"]);
            return probability ? score.sigmoid() : score;
        }
    }

    private static Variables RealBatch() => new() { ["x"] = randn(256, 2) * 0.5f + tensor(new[] { 2f, -1f }) };

    private static (GAN Gan, Distribution Generator) Build(bool wasserstein)
    {
        var noise = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 });
        var generator = (new Generator() * noise).MarginalizeVar("z");
        var critic = new Critic(probability: !wasserstein);
        var data = new DataDistribution(new[] { "x" });
        var gan = wasserstein
            ? new GAN(data, generator, critic, ps => optim.RMSProp(ps, 5e-3), ps => optim.RMSProp(ps, 5e-3), wasserstein: true, clipValue: 0.05)
            : new GAN(data, generator, critic, ps => optim.Adam(ps, 5e-3), ps => optim.Adam(ps, 5e-3));
        return (gan, generator);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Adversarial_training_lowers_the_generator_objective_and_moves_samples_to_the_data(bool wasserstein)
    {
        manual_seed(wasserstein ? 52 : 51);
        var (gan, generator) = Build(wasserstein);
        using var _ = gan;
        var losses = Enumerable.Range(0, 600).Select(_ => gan.Train(RealBatch())).ToArray();
        var early = losses.Take(50).Average();
        var late = losses.Skip(550).Average();
        Assert.That(late, Is.LessThan(early), $"generator objective: first 50 steps {early:F3}, last 50 {late:F3}");
        using (no_grad())
        {
            var mean = generator.Sample(batchN: 4000)["x"].mean(new long[] { 0 }).data<float>().ToArray();
            Assert.That(mean[0], Is.EqualTo(2).Within(0.4));
            Assert.That(mean[1], Is.EqualTo(-1).Within(0.4));
        }
    }

    /// <summary>Pixyz's GAN.train: the discriminator's step first, then the generator's, whose loss (the value returned) sees the updated discriminator.</summary>
    [Test]
    public void A_training_step_updates_the_discriminator_before_the_generator()
    {
        manual_seed(21);
        var (gan, _) = Build(wasserstein: false);
        manual_seed(21);
        var (twin, _) = Build(wasserstein: false);
        var batch = RealBatch();
        manual_seed(5);
        var returned = gan.Train(batch);
        manual_seed(5);
        var discriminatorLoss = twin.Adversarial.Train(batch);
        double expected;
        using (no_grad()) expected = twin.Loss.Eval(batch).item<float>();
        Assert.That(gan.AuxiliaryLoss, Is.EqualTo(discriminatorLoss).Within(1e-6), "the discriminator's loss of the same step");
        Assert.That(returned, Is.EqualTo(expected).Within(1e-5), "the generator's loss after the discriminator stepped");
    }

    [Test]
    public void The_critic_of_a_WGAN_keeps_its_weights_clipped()
    {
        manual_seed(53);
        var (gan, _) = Build(wasserstein: true);
        using var _ = gan;
        for (var step = 0; step < 5; step++) gan.Train(RealBatch());
        var largest = gan.Adversarial.Discriminator.parameters().Max(p => p.abs().max().item<float>());
        Assert.That(largest, Is.LessThanOrEqualTo(0.05f));
        Assert.That(gan.Adversarial.ToString(), Is.EqualTo("W_adv(p_data(x), p(x))"));
    }
}

/// <summary>The adversarial objectives' values against binary cross-entropies and means written by hand.</summary>
public class AdversarialValueTests
{
    // Fixed "generator" and "discriminator": the values are known, so the objectives can be computed by hand.
    private static Deterministic Fake() => new(v => v["z"] * 2, var: new[] { "x" }, condVar: new[] { "z" });

    private static Deterministic Discriminator() => new(v => v["x"].sum(-1, keepdim: true).sigmoid(), var: new[] { "t" }, condVar: new[] { "x" });

    private static Variables Inputs => new()
    {
        ["x"] = tensor(new[] { 0.5, -1.0, 1.5, 0.25 }).reshape(2, 2),
        ["z"] = tensor(new[] { 0.1, 0.2, -0.3, 0.4 }).reshape(2, 2),
    };

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    [Test]
    public void The_JS_generator_loss_is_the_non_saturating_cross_entropy()
    {
        var loss = new AdversarialJSDivergence(new DataDistribution(new[] { "x" }), Fake(), Discriminator());
        double[] dReal = { Sigmoid(-0.5), Sigmoid(1.75) };
        double[] dFake = { Sigmoid(0.6), Sigmoid(0.2) };
        var expected = dReal.Average(d => -Math.Log(1 - d)) + dFake.Average(d => -Math.Log(d));
        Assert.That(loss.Eval(Inputs).item<double>(), Is.EqualTo(expected).Within(1e-12));
        var discriminatorLoss = dReal.Average(d => -Math.Log(d)) + dFake.Average(d => -Math.Log(1 - d));
        Assert.That(loss.TestDiscriminator(Inputs), Is.EqualTo(discriminatorLoss).Within(1e-6));
    }

    /// <summary>
    /// A winning discriminator (D(fake) = 1e-9, below float's epsilon) still gives the generator Pixyz's gradient
    /// d/dp mean(-log p) = -1 / (n p): BCELoss bounds the log at -100 (so D = 0 costs 100), not the probability.
    /// </summary>
    [Test]
    public void A_confident_discriminator_still_gives_the_generator_a_gradient()
    {
        var dReal = tensor(new[] { 0.9f, 0.8f }).reshape(2, 1);
        var dFake = tensor(new[] { 1e-9f, 1e-3f }).reshape(2, 1).requires_grad_();
        var loss = PixyzGen.Adversarial.JsGenerator(dReal, dFake);
        var expected = (-Math.Log(1 - 0.9) - Math.Log(1 - 0.8)) / 2 + (-Math.Log(1e-9) - Math.Log(1e-3)) / 2;
        Assert.That(loss.item<float>(), Is.EqualTo(expected).Within(1e-4));
        loss.backward();
        var gradient = dFake.grad!.data<float>().ToArray();
        Assert.That(gradient[0], Is.EqualTo(-1 / (2 * 1e-9)).Within(1e3), "the gradient at D(fake) = 1e-9");
        Assert.That(gradient[1], Is.EqualTo(-1 / (2 * 1e-3)).Within(1e-2));
        var saturated = PixyzGen.Adversarial.JsDiscriminator(tensor(new[] { 1f }).reshape(1, 1), tensor(new[] { 1f }).reshape(1, 1));
        Assert.That(saturated.item<float>(), Is.EqualTo(100).Within(1e-4), "log 0 is bounded at -100, as torch.nn.BCELoss");
    }

    [Test]
    public void The_Wasserstein_objectives_are_differences_of_mean_critic_scores()
    {
        var loss = new AdversarialWassersteinDistance(new DataDistribution(new[] { "x" }), Fake(), Discriminator());
        double[] dReal = { Sigmoid(-0.5), Sigmoid(1.75) };
        double[] dFake = { Sigmoid(0.6), Sigmoid(0.2) };
        Assert.That(loss.Eval(Inputs).item<double>(), Is.EqualTo(dReal.Average() - dFake.Average()).Within(1e-12));
        Assert.That(loss.TestDiscriminator(Inputs), Is.EqualTo(dFake.Average() - dReal.Average()).Within(1e-6));
    }

    [Test]
    public void A_discriminator_that_reads_a_variable_the_generator_does_not_make_is_refused()
    {
        var reader = new Deterministic(v => v["y"], var: new[] { "t" }, condVar: new[] { "y" });
        var error = Assert.Throws<ArgumentException>(() => new AdversarialJSDivergence(new DataDistribution(new[] { "x" }), Fake(), reader));
        Assert.That(error!.Message, Does.Contain("[y]").And.Contain("p(x|z)"));
    }
}
