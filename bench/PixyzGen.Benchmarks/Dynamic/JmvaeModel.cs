using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Benchmarks.Dynamic;

// Suzuki et al.'s JMVAE at the notebook's sizes: x 784, y 10, z 64, 512 hidden units.

[Distribution("q(z|x,y)")]
public sealed partial class JointEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(794, 512), ReLU(), Linear(512, 128));

    public JointEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("q(z|x)")]
public sealed partial class ImageEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 512), ReLU(), Linear(512, 128));

    public ImageEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("q(z|y)")]
public sealed partial class LabelEncoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(10, 512), ReLU(), Linear(512, 128));

    public LabelEncoder() => RegisterComponents();

    private NormalParams Forward(Tensor y)
    {
        var h = net.call(y).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("p(x|z)")]
public sealed partial class ImageDecoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(64, 512), ReLU(), Linear(512, 784));

    public ImageDecoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

[Distribution("p(y|z)")]
public sealed partial class LabelDecoder : Categorical
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(64, 512), ReLU(), Linear(512, 10));

    public LabelDecoder() => RegisterComponents();

    private CategoricalParams Forward(Tensor z) => CategoricalParams.FromLogits(net.call(z));
}

[Distribution("p(z)")]
public sealed partial class JmvaePrior() : Normal(loc: 0, scale: 1, features: [64]);

[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class Jmvae : GenerativeModel
{
    public JointEncoder Q { get; } = new();
    public ImageEncoder Qx { get; } = new();
    public LabelEncoder Qy { get; } = new();
    public ImageDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public JmvaePrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z) + log p(y|z)] + alpha * (KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y))))")]
    public partial Tensor Loss(Tensor x, Tensor y, double alpha);
}
