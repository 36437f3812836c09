using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Benchmarks.Dynamic;

// Kingma et al.'s M2 at the notebook's sizes: x 784, y 10, z 64, 512 hidden units.

[Distribution("q(y|x)")]
public sealed partial class M2Classifier : RelaxedCategorical
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 512), ReLU(), Linear(512, 10));

    public M2Classifier() : base(temperature: 0.5) => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.call(x));
}

[Distribution("q(z|x,y)")]
public sealed partial class M2Encoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(794, 512), ReLU(), Linear(512, 128));

    public M2Encoder() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("p(x|y,z)")]
public sealed partial class M2Decoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(74, 512), ReLU(), Linear(512, 784));

    public M2Decoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor y, Tensor z) => BernoulliParams.FromLogits(net.call(cat(new[] { y, z }, -1)));
}

[Distribution("p(y)")]
public sealed partial class M2LabelPrior() : Categorical(probs: full(10, 0.1), features: [10]);

[Distribution("p(z)")]
public sealed partial class M2Prior() : Normal(loc: 0, scale: 1, features: [64]);

[Model("p(x,y,z) = p(x|y,z) p(y) p(z)")]
public sealed partial class M2 : GenerativeModel
{
    public M2Classifier Qy { get; } = new();
    public M2Encoder Qz { get; } = new();
    public M2Decoder P { get; } = new();
    public M2LabelPrior Py { get; } = new();
    public M2Prior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)]) - alpha * mean(log q(y|x))")]
    public partial Tensor Labelled(Tensor x, Tensor y, double alpha);

    [Loss("mean(E_q(y|x)[KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)] + log q(y|x)])")]
    public partial Tensor Unlabelled(Tensor x);
}
