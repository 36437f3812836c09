using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Dmm;

/// <summary>The sizes: 16 x 16 frames, z of 16, the GRU's 32 units each way (the tutorial's h_dim), one action.</summary>
internal static class DmmShape
{
    public const int Side = 16;
    public const int Pixels = Side * Side;
    public const int Z = 16;
    public const int H = 32;
    public const int U = 1;
}

/// <summary>
/// d(h|x), the tutorial's RNN: each frame through a small network (an MLP where the tutorial's 28 x 28 colour frames
/// use convolutions), then a bidirectional GRU over time; h is [T, batch, 2 * 32].
/// </summary>
[Distribution("rnn(h|x)")]
public sealed partial class DmmRnn : Deterministic
{
    private readonly Module<Tensor, Tensor> frame = Sequential(Linear(DmmShape.Pixels, 128), ReLU(), Linear(128, 32), ReLU());
    private readonly TorchSharp.Modules.GRU gru = GRU(32, DmmShape.H, bidirectional: true);

    public DmmRnn() => RegisterComponents();

    private Tensor Forward(Tensor x)
    {
        var features = frame.call(x);   // [T, batch, 32]
        var (h, _) = gru.call(features, null);
        return h;
    }
}

/// <summary>q(z|h,z_prev,u): the tutorial's combiner, 0.5 (h + tanh(W [z_prev, u])).</summary>
[Distribution("q(z|h,z_prev,u)")]
public sealed partial class DmmInference : Normal
{
    private readonly Module<Tensor, Tensor> combine = Linear(DmmShape.Z + DmmShape.U, 2 * DmmShape.H);
    private readonly Module<Tensor, Tensor> loc = Linear(2 * DmmShape.H, DmmShape.Z);
    private readonly Module<Tensor, Tensor> scale = Linear(2 * DmmShape.H, DmmShape.Z);

    public DmmInference() => RegisterComponents();

    private NormalParams Forward(Tensor h, Tensor z_prev, Tensor u)
    {
        var combined = 0.5 * (h + combine.call(cat(new[] { z_prev, u }, 1)).tanh());
        return new NormalParams(loc.call(combined), functional.softplus(scale.call(combined)));
    }
}

/// <summary>p(z|z_prev,u): the transition.</summary>
[Distribution("p(z|z_prev,u)")]
public sealed partial class DmmPrior : Normal
{
    private readonly Module<Tensor, Tensor> hidden = Sequential(Linear(DmmShape.Z + DmmShape.U, 32), ReLU());
    private readonly Module<Tensor, Tensor> loc = Linear(32, DmmShape.Z);
    private readonly Module<Tensor, Tensor> scale = Linear(32, DmmShape.Z);

    public DmmPrior() => RegisterComponents();

    private NormalParams Forward(Tensor z_prev, Tensor u)
    {
        var h = hidden.call(cat(new[] { z_prev, u }, 1));
        return new NormalParams(loc.call(h), functional.softplus(scale.call(h)));
    }
}

/// <summary>p(x|z): the frame, Bernoulli pixels (the synthetic frames are black and white; the tutorial's are a Normal of scale 1).</summary>
[Distribution("p(x|z)")]
public sealed partial class DmmEmission : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(DmmShape.Z, 128), ReLU(), Linear(128, DmmShape.Pixels));

    public DmmEmission() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

/// <summary>The deep Markov model with actions: E_rnn[IterativeLoss(step loss)] of the tutorial, generated.</summary>
[Model("p(x,z|z_prev,u) = p(x|z) p(z|z_prev,u)")]
public sealed partial class DmmModel : GenerativeModel
{
    public DmmRnn Rnn { get; } = new();
    public DmmInference Q { get; } = new();
    public DmmPrior Prior { get; } = new();
    public DmmEmission P { get; } = new();

    [Loss("mean(E_rnn(h|x)[iterate(x, h, u | z = z_prev)[-E_q(z|h,z_prev,u)[log p(x|z)] + KL(q(z|h,z_prev,u) || p(z|z_prev,u))]])")]
    public partial Tensor Loss(Tensor x, Tensor z_prev, Tensor u);
}
