using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Printed and LaTeX forms, in Pixyz's shape.</summary>
public class PrintingTests
{
    private sealed class Encoder : Normal
    {
        private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 4);

        public Encoder() : base(var: new[] { "z" }, condVar: new[] { "x" }, name: "q") => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs)
        {
            var h = net.call(Require(inputs, "x")).chunk(2, -1);
            return new NormalParams(h[0], nn.functional.softplus(h[1]));
        }
    }

    private sealed class DeepEncoder : Normal
    {
        private readonly TorchSharp.Modules.Sequential net = nn.Sequential(("fc1", nn.Linear(784, 512)), ("act", nn.ReLU()), ("fc2", nn.Linear(512, 64, hasBias: false)));

        public DeepEncoder() : base(var: new[] { "z" }, condVar: new[] { "x" }, name: "q") => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs) => throw new System.NotSupportedException();
    }

    [Test]
    public void Containers_print_their_layers_with_sizes_as_PyTorch_does()
    {
        using var q = new DeepEncoder();
        Assert.That(q.ToString(), Does.EndWith(
            "    (net): Sequential(\n" +
            "      (fc1): Linear(in_features=784, out_features=512, bias=True)\n" +
            "      (act): ReLU()\n" +
            "      (fc2): Linear(in_features=512, out_features=64, bias=False)\n" +
            "    )\n  )"));
    }

    [Test]
    public void A_distribution_prints_its_signature_and_network()
    {
        using var q = new Encoder();
        Assert.That(q.ToString(), Is.EqualTo(
            "Distribution:\n  q(z|x)\nNetwork architecture:\n  Encoder(\n    name=q, distribution_name=Normal,\n" +
            "    var=['z'], cond_var=['x'], input_var=['x'], features_shape=[]\n    (net): Linear(in_features=3, out_features=4, bias=True)\n  )"));
        Assert.That(q.Sample(new Variables { ["x"] = randn(5, 3) })["z"].shape, Is.EqualTo(new long[] { 5, 2 }));
    }

    [Test]
    public void A_joint_prints_as_Pixyz_children_first_in_its_factorization_and_parents_first_in_its_architecture()
    {
        // Pixyz's doctest (DistGraph.replace_var): p(x) * p(y) * p(z|y), y marginalized, z renamed w and x renamed a.
        using var x = new Normal(tensor(new[] { 0.0 }), tensor(new[] { 1.0 }), var: new[] { "x" });
        using var y = new Normal(tensor(new[] { 0.0 }), tensor(new[] { 1.0 }), var: new[] { "y" });
        using var z = new Normal("y", tensor(new[] { 1.0 }), var: new[] { "z" }, condVar: new[] { "y" });
        var joint = (x.ReplaceVar(("x", "a")) * y * z.ReplaceVar(("z", "w"))).MarginalizeVar("y");
        Assert.That(joint.ToString(), Is.EqualTo(
            "Distribution:\n  p(a,w) = \\int p(a)p(w|y)p(y)dy\nNetwork architecture:\n" +
            "  p(y):\n  Normal(\n    name=p, distribution_name=Normal,\n    var=['y'], cond_var=[], input_var=[], features_shape=[1]\n    (loc): [1]\n    (scale): [1]\n  )\n" +
            "  p(w|y) -> p(z|y):\n  Normal(\n    name=p, distribution_name=Normal,\n    var=['z'], cond_var=['y'], input_var=['y'], features_shape=[1]\n    (scale): [1]\n  )\n" +
            "  p(a) -> p(x):\n  Normal(\n    name=p, distribution_name=Normal,\n    var=['x'], cond_var=[], input_var=[], features_shape=[1]\n    (loc): [1]\n    (scale): [1]\n  )"));
    }

    [Test]
    public void A_joint_is_written_children_first_however_it_was_multiplied()
    {
        using var decoder = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z", "y" });
        using var prior = new Normal(0.0, 1.0, var: new[] { "z" });
        using var labels = new Categorical(tensor(new[] { 0.5, 0.5 }), var: new[] { "y" });
        Assert.That((prior * decoder).ProbFactorizedText, Is.EqualTo("p(x|z,y)p(z)"));
        Assert.That((decoder * prior).ProbFactorizedText, Is.EqualTo("p(x|z,y)p(z)"));
        Assert.That((decoder * prior * labels).ProbFactorizedText, Is.EqualTo("p(x|z,y)p(z)p(y)"), "M2's joint, as Pixyz prints it");
        var text = (decoder * prior * labels).ToString();
        Assert.That(text.IndexOf("  p(y):"), Is.LessThan(text.IndexOf("  p(z):")).And.LessThan(text.IndexOf("  p(x|z,y):")), "parents first");
    }

    private sealed class ConvolutionalEncoder : Normal
    {
        private readonly TorchSharp.Modules.Sequential net = nn.Sequential(
            ("conv", nn.Conv2d(1, 32, 3, stride: 2, padding: 1)), ("norm", nn.BatchNorm2d(32)), ("act", nn.LeakyReLU(0.2)),
            ("drop", nn.Dropout(0.25)), ("flat", nn.Flatten()), ("ln", nn.LayerNorm(new long[] { 64 })), ("soft", nn.Softplus()));

        public ConvolutionalEncoder() : base(var: new[] { "z" }, condVar: new[] { "x" }, name: "q") => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs) => throw new System.NotSupportedException();
    }

    [Test]
    public void Layers_print_their_sizes_and_settings_as_PyTorch_does()
    {
        // PyTorch 2's repr of the same layers.
        using var q = new ConvolutionalEncoder();
        Assert.That(q.ToString(), Does.EndWith(
            "    (net): Sequential(\n" +
            "      (conv): Conv2d(1, 32, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))\n" +
            "      (norm): BatchNorm2d(32, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n" +
            "      (act): LeakyReLU(negative_slope=0.2)\n" +
            "      (drop): Dropout(p=0.25, inplace=False)\n" +
            "      (flat): Flatten(start_dim=1, end_dim=-1)\n" +
            "      (ln): LayerNorm((64,), eps=1e-05, elementwise_affine=True)\n" +
            "      (soft): Softplus(beta=1.0, threshold=20.0)\n" +
            "    )\n  )"));
    }

    [Test]
    public void A_mixture_prints_its_components_terms_and_its_posterior_as_a_distribution()
    {
        // Pixyz's doctest: p_0(x|z=0)prior(z=0) + p_1(x|z=1)prior(z=1) + p_2(x|z=2)prior(z=2).
        var components = Enumerable.Range(0, 3).Select(i => (Distribution)new Normal(tensor(new[] { i * 1.0, 0.0 }), tensor(new[] { 1.0, 1.0 }), var: new[] { "x" }, name: $"p_{i}")).ToArray();
        using var prior = new Categorical(tensor(new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }), var: new[] { "z" }, name: "prior");
        using var mixture = new MixtureModel(components, prior);
        Assert.That(mixture.ProbText, Is.EqualTo("p(x)"));
        Assert.That(mixture.ProbFactorizedText, Is.EqualTo("p_0(x|z=0)prior(z=0) + p_1(x|z=1)prior(z=1) + p_2(x|z=2)prior(z=2)"));
        Assert.That(mixture.ToLatex(), Is.EqualTo("p(x) = p_{0}(x|z=0)prior(z=0) + p_{1}(x|z=1)prior(z=1) + p_{2}(x|z=2)prior(z=2)"));
        var posterior = mixture.Posterior();
        Assert.That((posterior.ProbText, posterior.ProbFactorizedText, posterior.DistributionName), Is.EqualTo(("p(z|x)", "p(z,x)/p(x)", "Mixture Model (Posterior)")));
        Assert.That(posterior.ToLatex(), Is.EqualTo("p(z|x) = \\frac{p(z,x)}{p(x)}"));
        foreach (var c in components) c.Dispose();
    }

    [Test]
    public void LaTeX_parenthesizes_a_negated_factor_typesets_names_and_integrates_once_per_variable()
    {
        using var py = new Normal(0.0, 1.0, var: new[] { "y" });
        Assert.That((72 * -py.LogProbLoss()).ToLatex(), Is.EqualTo("72 \\left(- \\log p(y)\\right)"), "not 72 - log p(y), a difference");
        using var prior = new Normal(0.0, 1.0, var: new[] { "z" }, name: "p_prior");
        Assert.That(prior.ToLatex(), Is.EqualTo("p_{prior}(z)"), "Pixyz writes p_{prior}");
        var joint = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z", "w" }) * new Normal(0.0, 1.0, var: new[] { "z" }) * new Normal(0.0, 1.0, var: new[] { "w" });
        var marginal = joint.MarginalizeVar("z", "w");
        Assert.That(marginal.ToLatex(), Is.EqualTo("p(x) = \\int \\int p(x|z,w)p(z)p(w)dzdw"));
        Assert.That(marginal.ProbFactorizedText, Is.EqualTo("\\int \\int p(x|z,w)p(z)p(w)dzdw"), "no space before dz");
    }

    [Test]
    public void Adding_a_negated_loss_prints_as_a_difference_as_Pixyz_prints_it()
    {
        // Tutorial 00: vae_loss = (kl + -p.log_prob().expectation(q)).mean(), which Pixyz prints as KL - E.
        using var q = new Normal("x", 1.0, var: new[] { "z" }, condVar: new[] { "x" }, name: "q");
        using var p = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" });
        using var prior = new Normal(0.0, 1.0, var: new[] { "z" }, name: "p_prior");
        var loss = (new KullbackLeibler(q, prior) + -p.LogProbLoss().Expectation(q)).Mean();
        Assert.That(loss.ToLatex(), Is.EqualTo("mean \\left(D_{KL} \\left[q(z|x)||p_{prior}(z) \\right] - \\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) \\right] \\right)"));
        Assert.That(loss.ToString(), Is.EqualTo("mean(KL(q(z|x) || p_prior(z)) - E_q(z|x)[log p(x|z)])"));
        var sum = new KullbackLeibler(q, prior) + -(p.LogProbLoss() - 1.0);
        Assert.That(sum.ToString(), Is.EqualTo("KL(q(z|x) || p_prior(z)) - (log p(x|z) - 1)"), "a difference subtracted keeps its parentheses");
    }

    [Test]
    public void LaTeX_spells_Greek_names_and_subscripts_and_shows_factorizations()
    {
        using var p = new Normal("mu", "sigma", var: new[] { "x_1" }, condVar: new[] { "mu", "sigma" });
        Assert.That(p.ToLatex(), Is.EqualTo("p(x_{1}|\\mu,\\sigma)"));
        var joint = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" }) * new Normal(0.0, 1.0, var: new[] { "z" });
        Assert.That(joint.ToLatex(), Is.EqualTo("p(x,z) = p(x|z)p(z)"));
        Assert.That(joint.MarginalizeVar("z").ToLatex(), Is.EqualTo("p(x) = \\int p(x|z)p(z)dz"));
    }

    [Test]
    public void The_name_is_settable_and_shows_everywhere()
    {
        using var p = new Normal(0.0, 1.0, var: new[] { "z" });
        p.Name = "prior";
        Assert.That((p.ProbText, p.ToLatex()), Is.EqualTo(("prior(z)", "prior(z)")));
        Assert.Throws<System.ArgumentException>(() => p.Name = "p(z)");
    }
}
