using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Multimodal;

/// <summary>q(z|x), the image expert.</summary>
[Distribution("q(z|x)")]
public sealed partial class ImageEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(784, 128);

    public ImageEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor x) => Mlp.Gaussian(net, x);
}

/// <summary>q(z|y), the label expert.</summary>
[Distribution("q(z|y)")]
public sealed partial class LabelEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(10, 128);

    public LabelEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor y) => Mlp.Gaussian(net, y);
}

/// <summary>q(z|x,y), JMVAE's joint encoder.</summary>
[Distribution("q(z|x,y)")]
public sealed partial class JointEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(794, 128);

    public JointEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y) => Mlp.Gaussian(net, cat(new[] { x, y }, 1));
}

/// <summary>p(x|z).</summary>
[Distribution("p(x|z)")]
public sealed partial class ImageDecoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(64, 784);

    public ImageDecoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

/// <summary>p(y|z).</summary>
[Distribution("p(y|z)")]
public sealed partial class LabelDecoder : Categorical
{
    private readonly Module<Tensor, Tensor> net = Mlp.Of(64, 10);

    public LabelDecoder() => RegisterComponents();

    private CategoricalParams Forward(Tensor z) => CategoricalParams.FromLogits(net.call(z));
}

[Distribution("p(z)")]
public sealed partial class MultimodalPrior() : Normal(loc: 0, scale: 1, features: [64]);

/// <summary>Pixyz's ProductOfNormal([q_x, q_y]): q(z|x,y) proportional to p(z) q(z|x) q(z|y), either input optional.</summary>
[Distribution("q(z|x,y)")]
public sealed partial class ExpertProduct(ImageEncoder image, LabelEncoder label) : NormalPoE(new MultimodalPrior(), new Normal[] { image, label }, name: "q");
