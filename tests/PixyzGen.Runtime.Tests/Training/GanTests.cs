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
