using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Gan;

/// <summary>p(x|z): the notebook's generator, 100-128-256-512-1024-784 with batch norm (eps 0.8) and LeakyReLU(0.2).</summary>
[Distribution("p(x|z)")]
public sealed partial class GanGenerator : Deterministic
{
    private readonly Module<Tensor, Tensor> net = Sequential(
        Linear(100, 128), LeakyReLU(0.2),
        Linear(128, 256), BatchNorm1d(256, eps: 0.8), LeakyReLU(0.2),
        Linear(256, 512), BatchNorm1d(512, eps: 0.8), LeakyReLU(0.2),
        Linear(512, 1024), BatchNorm1d(1024, eps: 0.8), LeakyReLU(0.2),
        Linear(1024, 784), Sigmoid());

    public GanGenerator() => RegisterComponents();

    private Tensor Forward(Tensor z) => net.call(z);
}

[Distribution("p(z)")]
public sealed partial class GanPrior() : Normal(loc: 0, scale: 1, features: [100]);

/// <summary>d(t|x): the probability that x is a real digit, 784-512-256-1.</summary>
[Distribution("d(t|x)")]
public sealed partial class GanDiscriminator : Deterministic
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 512), LeakyReLU(0.2), Linear(512, 256), LeakyReLU(0.2), Linear(256, 1), Sigmoid());

    public GanDiscriminator() => RegisterComponents();

    private Tensor Forward(Tensor x) => net.call(x);
}

/// <summary>The GAN as two formulas: the generator's adversarial loss and the discriminator's.</summary>
[Model("p(x) = p(x|z) p(z)")]
public sealed partial class GanModel : GenerativeModel
{
    public GanGenerator G { get; } = new();
    public GanPrior Prior { get; } = new();
    public GanDiscriminator D { get; } = new();

    [Loss("ADV_JS[d(t|x)](p(x|z) || p(z))")]
    public partial Tensor GeneratorLoss(Tensor x);

    [Loss("ADV_JS_D[d(t|x)](p(x|z) || p(z))")]
    public partial Tensor DiscriminatorLoss(Tensor x);
}
