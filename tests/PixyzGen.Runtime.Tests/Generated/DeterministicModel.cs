using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>d(h|x): features computed by a network, a deterministic node of the graph.</summary>
[Distribution("d(h|x)")]
public sealed partial class Features : Deterministic
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 2);

    public Features() => RegisterComponents();

    public int Calls { get; private set; }

    private Tensor Forward(Tensor x)
    {
        Calls++;
        return net.call(x).tanh();
    }
}

[Distribution("p(y|h)")]
public sealed partial class LabelFromFeatures : Bernoulli
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 1);

    public LabelFromFeatures() => RegisterComponents();

    private BernoulliParams Forward(Tensor h) => BernoulliParams.FromLogits(net.call(h));
}

/// <summary>A classifier written as a graph: y depends on x through deterministic features h.</summary>
[Model("p(y,h|x) = p(y|h) d(h|x)")]
public sealed partial class FeatureClassifier : GenerativeModel
{
    public Features D { get; } = new();

    public LabelFromFeatures P { get; } = new();

    [Loss("-mean(E_d(h|x)[log p(y|h)])")]
    public partial Tensor NegativeLogLikelihood(Tensor x, Tensor y);
}
