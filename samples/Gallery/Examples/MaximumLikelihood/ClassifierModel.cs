using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.MaximumLikelihood;

/// <summary>The notebook's p(y|x): a categorical over the ten digits from a 784-512-512-10 network.</summary>
[Distribution("p(y|x)")]
public sealed partial class DigitClassifier : Categorical
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 512), ReLU(), Linear(512, 512), ReLU(), Linear(512, 10));

    public DigitClassifier() => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.call(x));
}

/// <summary>ML(p): the negative log-likelihood of the labels.</summary>
[Model("p(y|x) = p(y|x)")]
public sealed partial class ClassifierModel : GenerativeModel
{
    public DigitClassifier P { get; } = new();

    [Loss("-mean(log p(y|x))")]
    public partial Tensor Nll(Tensor x, Tensor y);
}
