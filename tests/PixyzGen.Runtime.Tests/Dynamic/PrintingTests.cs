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
            "      (act): ReLU\n" +
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
    public void A_joint_prints_its_factorization_and_every_factor_in_multiplication_order()
    {
        var joint = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" }) * new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 });
        var text = joint.ToString();
        Assert.That(text, Does.StartWith("Distribution:\n  p(x,z) = p(x|z)p(z)\nNetwork architecture:\n  Normal(\n    name=p, distribution_name=Normal,\n    var=['x']"));
        Assert.That(text.IndexOf("var=['x']"), Is.LessThan(text.IndexOf("var=['z']")));
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
