using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

// Pixyz's hierarchical_variational_inference, small: q(a,z|x) = q(a|x) q(z|x), p(x,a,z) = p(x|a) p(a|z) p_prior(z);
// and a decoder of two modalities, d(x,y|z) = d(x|z) d(y|z).

[Distribution("q(a|x)")]
public sealed partial class HierarchicalQ1 : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(5, 6);
    public HierarchicalQ1() => RegisterComponents();
    public int Calls { get; private set; }
    private NormalParams Forward(Tensor x) { Calls++; var h = net.call(x).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1]) + 0.1); }
}

[Distribution("q(z|x)")]
public sealed partial class HierarchicalQ2 : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(5, 4);
    public HierarchicalQ2() => RegisterComponents();
    private NormalParams Forward(Tensor x) { var h = net.call(x).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1]) + 0.1); }
}

/// <summary>q(z|a,x): a posterior that reads the other latent, so a joint with it is drawn parents first.</summary>
[Distribution("r(z|a,x)")]
public sealed partial class DependentQ : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(8, 4);
    public DependentQ() => RegisterComponents();
    private NormalParams Forward(Tensor a, Tensor x) { var h = net.call(cat(new[] { a, x }, -1)).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1]) + 0.1); }
}

[Distribution("r(a|x)")]
public sealed partial class DependentQa : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(5, 6);
    public DependentQa() => RegisterComponents();
    private NormalParams Forward(Tensor x) { var h = net.call(x).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1]) + 0.1); }
}

[Distribution("p(a|z)")]
public sealed partial class HierarchicalP2 : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 6);
    public HierarchicalP2() => RegisterComponents();
    private NormalParams Forward(Tensor z) { var h = net.call(z).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1]) + 0.1); }
}

[Distribution("p(x|a)")]
public sealed partial class HierarchicalP3 : Bernoulli
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 5);
    public HierarchicalP3() => RegisterComponents();
    private BernoulliParams Forward(Tensor a) => BernoulliParams.FromLogits(net.call(a));
}

[Distribution("p_prior(z)")]
public sealed partial class HierarchicalPrior() : Normal(loc: 0, scale: 1, features: [2]);

[Distribution("d(x|z)")]
public sealed partial class ModalityX : Bernoulli
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 5);
    public ModalityX() => RegisterComponents();
    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

[Distribution("d(y|z)")]
public sealed partial class ModalityY : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 2);
    public ModalityY() => RegisterComponents();
    private NormalParams Forward(Tensor z) => new(net.call(z), ones(2));
}

[Model("p(x,a,z) = p(x|a) p(a|z) p_prior(z)")]
public sealed partial class Hierarchical : GenerativeModel
{
    public HierarchicalQ1 Q1 { get; } = new();
    public HierarchicalQ2 Q2 { get; } = new();
    public DependentQa Ra { get; } = new();
    public DependentQ Rz { get; } = new();
    public HierarchicalP3 P3 { get; } = new();
    public HierarchicalP2 P2 { get; } = new();
    public HierarchicalPrior Prior { get; } = new();
    public ModalityX Dx { get; } = new();
    public ModalityY Dy { get; } = new();

    /// <summary>The notebook's VI loss: the negative ELBO with the joint posterior and the model's own joint.</summary>
    [Loss("mean(-E_q(a,z|x)[log p(x,a,z) - log q(a,z|x)])")]
    public partial Tensor Vi(Tensor x);

    [Loss("mean(-E_r(a,z|x)[log p(x,a,z) - log r(a,z|x)])")]
    public partial Tensor ViDependent(Tensor x);

    [Loss("mean(KL(q(a,z|x) || p(a,z)))")]
    public partial Tensor JointKl(Tensor x);

    [Loss("mean(H[q(a,z|x)])")]
    public partial Tensor IndependentEntropy(Tensor x);

    [Loss("mean(H[r(a,z|x)])")]
    public partial Tensor DependentEntropy(Tensor x);

    [Loss("-mean(IWAE_4(p(x,a,z) || q(a,z|x)))")]
    public partial Tensor Iwae(Tensor x);

    [Loss("-mean(E_q(z|x)[log d(x,y|z)])")]
    public partial Tensor TwoModalities(Tensor x, Tensor y);
}

/// <summary>Joints written in terms equal the dynamic API's products of the same members, on the same seed.</summary>
public class JointTermTests
{
    private static (Hierarchical Model, Tensor X, Variables Inputs) Setup()
    {
        manual_seed(5);
        var model = new Hierarchical();
        var x = bernoulli(full(7, 5, 0.3f));
        return (model, x, new Variables { ["x"] = x });
    }

    private static void Agree(Func<Tensor> generated, Func<Tensor> dynamic) => Agreement.OnSameSeed(generated, dynamic, seed: 41);

    [Test]
    public void The_hierarchical_ELBO_equals_VI_with_the_products_of_the_notebook()
    {
        var (m, x, v) = Setup();
        // The notebook's q = q1 * q2 and p = p(x|a) * p(a|z) * p_prior(z), multiplied in the joints' order.
        Agree(() => m.Vi(x), () => (-new ELBO(m.P3 * m.P2 * m.Prior, m.Q1 * m.Q2)).Mean().Eval(v));
    }

    [Test]
    public void A_posterior_whose_factors_read_each_other_is_drawn_parents_first()
    {
        var (m, x, v) = Setup();
        Agree(() => m.ViDependent(x), () => (-new ELBO(m.P3 * m.P2 * m.Prior, m.Ra * m.Rz)).Mean().Eval(v));
    }

    [Test]
    public void A_KL_between_joints_is_the_Monte_Carlo_estimate_of_the_dynamic_API()
    {
        var (m, x, v) = Setup();
        Agree(() => m.JointKl(x), () => new KullbackLeibler(m.Q1 * m.Q2, m.P2 * m.Prior).Mean().Eval(v));
    }

    [Test]
    public void The_entropy_of_independent_factors_is_the_sum_of_theirs_and_of_dependent_ones_a_Monte_Carlo_estimate()
    {
        var (m, x, v) = Setup();
        Agree(() => m.IndependentEntropy(x), () => (new Entropy(m.Q1) + new Entropy(m.Q2)).Mean().Eval(v));
        Agree(() => m.DependentEntropy(x), () => new Entropy(m.Ra * m.Rz, analytic: false).Mean().Eval(v));
    }

    [Test]
    public void The_importance_weighted_bound_takes_a_joint_proposal()
    {
        var (m, x, v) = Setup();
        Agree(() => m.Iwae(x), () => (-new IWAE(m.P3 * m.P2 * m.Prior, m.Q1 * m.Q2, 4)).Mean().Eval(v));
    }

    [Test]
    public void A_decoder_of_two_modalities_is_their_product()
    {
        var (m, x, v) = Setup();
        var y = randn(7, 2);
        Agree(() => m.TwoModalities(x, y), () => (-new Expectation(m.Q2, (m.Dx * m.Dy).LogProbLoss())).Mean().Eval(v.With("y", y)));
    }

    [Test]
    public void Each_network_runs_once_per_input()
    {
        var (m, x, _) = Setup();
        m.Vi(x);
        Assert.That(m.Q1.Calls, Is.EqualTo(1));
    }
}
