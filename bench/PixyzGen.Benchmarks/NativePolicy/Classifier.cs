using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Benchmarks.NativePolicy;

/// <summary>q(y|x): the maximum-likelihood classifier of the native-policy workloads, 784-256-10.</summary>
[Distribution("q(y|x)")]
public sealed partial class Classifier : Categorical
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 256), ReLU(), Linear(256, 10));

    public Classifier() => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.call(x));
}

[Model("q(y|x) = q(y|x)")]
public sealed partial class ClassifierModel : GenerativeModel
{
    public Classifier Q { get; } = new();

    [Loss("-mean(log q(y|x))")]
    public partial Tensor NegativeLogLikelihood(Tensor x, Tensor y);
}
