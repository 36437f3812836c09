using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>JMVAE-PoE: the product of experts q(z|x,y) and its experts q(z|x), q(z|y) are all members of the model.</summary>
[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class JmvaePoe : GenerativeModel
{
    public JmvaePoe()
    {
        Qx = new CountingEncoder();
        Qy = new LabelEncoder();
        Q = new ImageLabelExperts(Qx, Qy, new StandardPrior());
        RegisterComponents();
    }

    public ImageLabelExperts Q { get; }
    public CountingEncoder Qx { get; }
    public LabelEncoder Qy { get; }
    public CountingDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public StandardPrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) + KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y)) - E_q(z|x,y)[log p(x|z) + log p(y|z)])")]
    public partial Tensor Loss(Tensor x, Tensor y);
}

/// <summary>Experts shared by a product and by other terms run once per loss evaluation, generated or dynamic.</summary>
public class SharedExpertsTests
{
    private static (JmvaePoe Model, Tensor X, Tensor Y) Setup()
    {
        manual_seed(14);
        var model = new JmvaePoe();
        return (model, bernoulli(full(6, 3, 0.4f)), nn.functional.one_hot(tensor(new long[] { 0, 2, 1, 1, 0, 2 }), 3).to(ScalarType.Float32));
    }

    private static Loss Dynamic(JmvaePoe m) =>
        (new KullbackLeibler(m.Q, m.Pz) + new KullbackLeibler(m.Q, m.Qx) + new KullbackLeibler(m.Q, m.Qy)
         - new Expectation(m.Q, (m.Px * m.Py).LogProbLoss())).Mean();

    [Test]
    public void Each_experts_network_runs_once_in_a_generated_loss()
    {
        var (m, x, y) = Setup();
        m.Loss(x, y);
        Assert.That((m.Qx.Calls, m.Qy.Calls), Is.EqualTo((1, 1)), "the product and the KL terms share the experts' passes");
    }

    [Test]
    public void Each_experts_network_runs_once_in_a_dynamic_evaluation_and_both_agree()
    {
        var (m, x, y) = Setup();
        manual_seed(31);
        var generated = m.Loss(x, y);
        var (generatedX, generatedY) = (m.Qx.Calls, m.Qy.Calls);
        manual_seed(31);
        var dynamic = Dynamic(m).Eval(new Variables { ["x"] = x, ["y"] = y });
        Assert.That((m.Qx.Calls - generatedX, m.Qy.Calls - generatedY), Is.EqualTo((1, 1)), "one pass per expert within Eval");
        Assert.That(generated.allclose(dynamic, rtol: 1e-6, atol: 1e-6), Is.True);
    }

    [Test]
    public void Outside_an_evaluation_nothing_is_kept()
    {
        var (m, x, _) = Setup();
        m.Qx.Params(x);
        m.Qx.Params(x);
        Assert.That(m.Qx.Calls, Is.EqualTo(2));
        using (ForwardMemo.Begin())
        {
            var first = m.Qx.Params(x);
            Assert.That(m.Qx.Params(x).Loc, Is.SameAs(first.Loc), "the same tensors within a scope");
            m.Qx.Params(x.clone());
        }
        Assert.That(m.Qx.Calls, Is.EqualTo(4), "another tensor with equal values is another input");
    }

    [Test]
    public void The_typed_product_does_not_check_its_experts_on_each_call_and_the_dynamic_one_does()
    {
        using var product = new InvalidExpertProduct(new NegativeScaleExpert(), new StandardPrior());
        var x = TorchSharp.torch.randn(4, 2);
        Assert.That(() => product.Params(x), Throws.Nothing, "typed calls do not check parameter values, as every generated Params");
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => product.GetParams(new Variables { ["x"] = x }))!;
        Assert.That(error.Message, Does.Contain("scale"), "the dynamic API checks each expert's values");
    }
}

/// <summary>An expert whose scale is negative: invalid, which only a checked call notices.</summary>
[Distribution("q(z|x)")]
public sealed partial class NegativeScaleExpert : Normal
{
    public NegativeScaleExpert() => RegisterComponents();
    private NormalParams Forward(Tensor x) => new(x, -TorchSharp.torch.ones_like(x));
}

[Distribution("q(z|x)")]
public sealed partial class InvalidExpertProduct(NegativeScaleExpert expert, StandardPrior prior) : NormalPoE(prior, new Normal[] { expert }, name: "q");
