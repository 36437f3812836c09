using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Cvae;

/// <summary>q(z|x,y): 794-512-512-(64, 64).</summary>
[Distribution("q(z|x,y)")]
public sealed partial class CvaeInference : Normal
{
    private readonly Module<Tensor, Tensor> hidden = Sequential(Linear(794, 512), ReLU(), Linear(512, 512), ReLU());
    private readonly Module<Tensor, Tensor> loc = Linear(512, 64);
    private readonly Module<Tensor, Tensor> scale = Linear(512, 64);

    public CvaeInference() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = hidden.call(cat(new[] { x, y }, 1));
        return new NormalParams(loc.call(h), functional.softplus(scale.call(h)));
    }
}

/// <summary>p(x|z,y): 74-512-512-784.</summary>
[Distribution("p(x|z,y)")]
public sealed partial class CvaeGenerator : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(74, 512), ReLU(), Linear(512, 512), ReLU(), Linear(512, 784));

    public CvaeGenerator() => RegisterComponents();

    private BernoulliParams Forward(Tensor z, Tensor y) => BernoulliParams.FromLogits(net.call(cat(new[] { z, y }, 1)));
}

[Distribution("p(z)")]
public sealed partial class CvaePrior() : Normal(loc: 0, scale: 1, features: [64]);

/// <summary>The conditional VAE: the label conditions both the encoder and the decoder.</summary>
[Model("p(x,z|y) = p(x|z,y) p(z)")]
public sealed partial class CvaeModel : GenerativeModel
{
    public CvaeInference Q { get; } = new();
    public CvaeGenerator P { get; } = new();
    public CvaePrior Prior { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z,y)])")]
    public partial Tensor Loss(Tensor x, Tensor y);
}
