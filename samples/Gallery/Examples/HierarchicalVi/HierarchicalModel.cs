using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.HierarchicalVi;

/// <summary>q(a|x), 64 dimensions.</summary>
[Distribution("q(a|x)")]
public sealed partial class Q1 : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(784, 128);

    public Q1() => RegisterComponents();

    private NormalParams Forward(Tensor x) => Mlp.Gaussian(net, x);
}

/// <summary>q(z|x), 32 dimensions.</summary>
[Distribution("q(z|x)")]
public sealed partial class Q2 : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(784, 64);

    public Q2() => RegisterComponents();

    private NormalParams Forward(Tensor x) => Mlp.Gaussian(net, x);
}

/// <summary>p(a|z).</summary>
[Distribution("p(a|z)")]
public sealed partial class P2 : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(32, 128);

    public P2() => RegisterComponents();

    private NormalParams Forward(Tensor z) => Mlp.Gaussian(net, z);
}

/// <summary>p(x|a).</summary>
[Distribution("p(x|a)")]
public sealed partial class P3 : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(64, 784);

    public P3() => RegisterComponents();

    private BernoulliParams Forward(Tensor a) => BernoulliParams.FromLogits(net.call(a));
}

[Distribution("p(z)")]
public sealed partial class P1() : Normal(loc: 0, scale: 1, features: [32]);

/// <summary>Two stochastic layers, x from a and a from z, inferred by q(a|x) q(z|x).</summary>
[Model("p(x,a,z) = p(x|a) p(a|z) p(z)")]
public sealed partial class HierarchicalModel : GenerativeModel
{
    public Q1 Qa { get; } = new();
    public Q2 Qz { get; } = new();
    public P2 Pa { get; } = new();
    public P3 Px { get; } = new();
    public P1 Pz { get; } = new();

    /// <summary>VI(p, q1 * q2): the negative ELBO with one draw of a and of z.</summary>
    [Loss("-mean(E_q(a|x)[E_q(z|x)[log p(x|a) + log p(a|z) + log p(z) - log q(a|x) - log q(z|x)]])")]
    public partial Tensor NegativeElbo(Tensor x);
}
