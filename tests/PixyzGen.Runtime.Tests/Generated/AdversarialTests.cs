using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>g(x|w): a generator that shifts and scales 2-D noise (a Normal with a small fixed scale, so draws are reparameterized).</summary>
[Distribution("g(x|w)")]
public sealed partial class ShiftGenerator : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 2);

    public ShiftGenerator() => RegisterComponents();

    private NormalParams Forward(Tensor w) => new(net.call(w), full(2, 0.01f));
}

[Distribution("p(w)")]
public sealed partial class Noise() : Normal(loc: 0, scale: 1, features: [2]);

/// <summary>d(t|x): the probability that x is data.</summary>
[Distribution("d(t|x)")]
public sealed partial class Critic : Deterministic
{
    private readonly TorchSharp.Modules.Sequential net = nn.Sequential(nn.Linear(2, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1));

    public Critic() => RegisterComponents();

    private Tensor Forward(Tensor x) => net.call(x).sigmoid();
}

/// <summary>A GAN written as formulas: the generator's and the discriminator's objectives.</summary>
[Model("p(x) = g(x|w) p(w)")]
public sealed partial class FormulaGan : GenerativeModel
{
    public ShiftGenerator G { get; } = new();

    public Noise Pw { get; } = new();

    public Critic D { get; } = new();

    [Loss("ADV_JS[d(t|x)](g(x|w) || p(w))")]
    public partial Tensor GeneratorLoss(Tensor x);

    [Loss("ADV_JS_D[d(t|x)](g(x|w) || p(w))")]
    public partial Tensor DiscriminatorLoss(Tensor x);

    // The WGAN pair over the same networks (the critic's score used unbounded): compared with Loss.Parse in FormulaParityTests.
    [Loss("ADV_W[d(t|x)](g(x|w) || p(w))")]
    public partial Tensor WassersteinGeneratorLoss(Tensor x);

    [Loss("ADV_W_D[d(t|x)](g(x|w) || p(w))")]
    public partial Tensor CriticLoss(Tensor x);
}

public class AdversarialTests
{
    private static Tensor Data() => randn(256, 2) * 0.5f + tensor(new[] { 2f, -1f });

    [Test]
    public void The_generated_objectives_equal_the_dynamic_adversarial_loss()
    {
        manual_seed(40);
        using var gan = new FormulaGan();
        var x = Data();
        var generatorSide = new AdversarialJSDivergence(new DataDistribution(new[] { "x" }), (gan.G * gan.Pw).MarginalizeVar("w"), gan.D);
        manual_seed(41);
        var generated = gan.GeneratorLoss(x);
        manual_seed(41);
        var dynamic = generatorSide.Eval(new Variables { ["x"] = x });
        Assert.That(generated.allclose(dynamic), Is.True);
        manual_seed(42);
        var discriminatorGenerated = gan.DiscriminatorLoss(x).item<float>();
        manual_seed(42);
        Assert.That(discriminatorGenerated, Is.EqualTo(generatorSide.TestDiscriminator(new Variables { ["x"] = x })).Within(1e-6));
    }

    [Test]
    public void Alternating_the_two_generated_objectives_moves_the_generator_to_the_data()
    {
        manual_seed(43);
        using var gan = new FormulaGan();
        var generatorOptimizer = optim.Adam(gan.G.parameters(), 5e-3);
        var discriminatorOptimizer = optim.Adam(gan.D.parameters(), 5e-3);
        for (var step = 0; step < 600; step++)
        {
            using var scope = NewDisposeScope();
            var x = Data();
            generatorOptimizer.zero_grad();
            gan.GeneratorLoss(x).backward();
            generatorOptimizer.step();
            discriminatorOptimizer.zero_grad();
            gan.DiscriminatorLoss(x).backward();
            discriminatorOptimizer.step();
        }
        using (no_grad())
        {
            var mean = gan.G.Sample(gan.Pw.Sample(4000)).mean(new long[] { 0 }).data<float>().ToArray();
            Assert.That(mean[0], Is.EqualTo(2).Within(0.4));
            Assert.That(mean[1], Is.EqualTo(-1).Within(0.4));
        }
    }
}
