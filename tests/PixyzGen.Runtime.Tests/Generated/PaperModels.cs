using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

// Small M2 (x: 4 values) and JMVAE (x: 3 values) models, y: 3 classes, z: 2 dimensions; the networks count their forward passes.

[Distribution("q(y|x)")]
public sealed partial class M2Classifier : Categorical
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(4, 3);
    public M2Classifier() => RegisterComponents();
    public int Calls { get; private set; }
    private CategoricalParams Forward(Tensor x) { Calls++; return CategoricalParams.FromLogits(net.call(x)); }
}

[Distribution("q(z|x,y)")]
public sealed partial class M2Encoder : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(7, 4);
    public M2Encoder() => RegisterComponents();
    public int Calls { get; private set; }
    private NormalParams Forward(Tensor x, Tensor y)
    {
        Calls++;
        var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1);
        return new NormalParams(h[0], nn.functional.softplus(h[1]) + 0.1);
    }
}

[Distribution("p(x|y,z)")]
public sealed partial class M2Decoder : Bernoulli
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(5, 4);
    public M2Decoder() => RegisterComponents();
    public int Calls { get; private set; }
    private BernoulliParams Forward(Tensor y, Tensor z) { Calls++; return BernoulliParams.FromLogits(net.call(cat(new[] { y, z }, -1))); }
}

[Distribution("p(y)")]
public sealed partial class M2LabelPrior() : Categorical(probs: full(3, 1.0f / 3), features: [3]);

[Model("p(x,y,z) = p(x|y,z) p(y) p(z)")]
public sealed partial class SmallM2 : GenerativeModel
{
    public M2Classifier Qy { get; } = new();
    public M2Encoder Qz { get; } = new();
    public M2Decoder P { get; } = new();
    public M2LabelPrior Py { get; } = new();
    public StandardPrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)])")]
    public partial Tensor Labelled(Tensor x, Tensor y);

    [Loss("mean(E_q(y|x)[KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)]] - H[q(y|x)])")]
    public partial Tensor Unlabelled(Tensor x);
}

[Distribution("q(z|x,y)")]
public sealed partial class JointEncoder : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(6, 4);
    public JointEncoder() => RegisterComponents();
    public int Calls { get; private set; }
    private NormalParams Forward(Tensor x, Tensor y)
    {
        Calls++;
        var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1);
        return new NormalParams(h[0], nn.functional.softplus(h[1]) + 0.1);
    }
}

[Distribution("q(z|y)")]
public sealed partial class LabelEncoder : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 4);
    public LabelEncoder() => RegisterComponents();
    public int Calls { get; private set; }
    private NormalParams Forward(Tensor y)
    {
        Calls++;
        var h = net.call(y).chunk(2, -1);
        return new NormalParams(h[0], nn.functional.softplus(h[1]) + 0.1);
    }
}

[Distribution("p(y|z)")]
public sealed partial class LabelDecoder : Categorical
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 3);
    public LabelDecoder() => RegisterComponents();
    public int Calls { get; private set; }
    private CategoricalParams Forward(Tensor z) { Calls++; return CategoricalParams.FromLogits(net.call(z)); }
}

[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class SmallJmvae : GenerativeModel
{
    public JointEncoder Q { get; } = new();
    public CountingEncoder Qx { get; } = new();
    public LabelEncoder Qy { get; } = new();
    public CountingDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public StandardPrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z) + log p(y|z)] + alpha * (KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y))))")]
    public partial Tensor Loss(Tensor x, Tensor y, double alpha);
}
