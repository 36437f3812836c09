using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.M2;

/// <summary>q(z|x,y): 794-512-(64, 64).</summary>
[Distribution("q(z|x,y)")]
public sealed partial class M2Inference : Normal
{
    private readonly Module<Tensor, Tensor> hidden = Sequential(Linear(794, 512), ReLU());
    private readonly Module<Tensor, Tensor> loc = Linear(512, 64);
    private readonly Module<Tensor, Tensor> scale = Linear(512, 64);

    public M2Inference() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = hidden.call(cat(new[] { x, y }, 1));
        return new NormalParams(loc.call(h), functional.softplus(scale.call(h)));
    }
}

/// <summary>p(x|z,y): 74-512-784.</summary>
[Distribution("p(x|z,y)")]
public sealed partial class M2Generator : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(74, 512), ReLU(), Linear(512, 784));

    public M2Generator() => RegisterComponents();

    private BernoulliParams Forward(Tensor z, Tensor y) => BernoulliParams.FromLogits(net.call(cat(new[] { z, y }, 1)));
}

/// <summary>q(y|x), the classifier: a relaxed categorical at Pixyz's default temperature 0.1, from 784-512-10.</summary>
[Distribution("q(y|x)")]
public sealed partial class M2Classifier : RelaxedCategorical
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 512), ReLU(), Linear(512, 10));

    public M2Classifier() : base(temperature: 0.1) => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromProbs(functional.softmax(net.call(x), 1));
}

[Distribution("p(z)")]
public sealed partial class M2Prior() : Normal(loc: 0, scale: 1, features: [64]);

/// <summary>
/// Kingma et al.'s M2 as the notebook writes it: the labelled ELBO of p(x|z,y) p(z) against q(z|x,y), the unlabelled
/// one against q(z|x,y) q(y|x), and the classifier's log-likelihood of the labels.
/// </summary>
[Model("p(x,z|y) = p(x|z,y) p(z)")]
public sealed partial class M2Model : GenerativeModel
{
    public M2Inference Q { get; } = new();
    public M2Generator P { get; } = new();
    public M2Classifier F { get; } = new();
    public M2Prior Prior { get; } = new();

    [Loss("-mean(E_q(z|x,y)[log p(x|z,y) + log p(z) - log q(z|x,y)])")]
    public partial Tensor Labelled(Tensor x, Tensor y);

    [Loss("-mean(E_q(y|x)[E_q(z|x,y)[log p(x|z,y) + log p(z) - log q(z|x,y) - log q(y|x)]])")]
    public partial Tensor Unlabelled(Tensor x);

    [Loss("-mean(log q(y|x))")]
    public partial Tensor Nll(Tensor x, Tensor y);
}
