using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Benchmarks.Sequence;

// A deep Markov model at a small size (x 16, z 8, 32 hidden units): the sequence benchmark's per-step work is small,
// so the per-time-step overhead of each way of unrolling it shows.

[Distribution("q(z|x,z_prev)")]
public sealed partial class DmmPosterior : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(24, 32), ReLU(), Linear(32, 16));

    public DmmPosterior() => RegisterComponents();

    internal Module<Tensor, Tensor> Net => net;

    private NormalParams Forward(Tensor x, Tensor z_prev)
    {
        var h = net.call(cat(new[] { x, z_prev }, -1)).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]) + 1e-3);
    }
}

[Distribution("p(z|z_prev)")]
public sealed partial class DmmTransition : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(8, 32), ReLU(), Linear(32, 16));

    public DmmTransition() => RegisterComponents();

    internal Module<Tensor, Tensor> Net => net;

    private NormalParams Forward(Tensor z_prev)
    {
        var h = net.call(z_prev).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]) + 1e-3);
    }
}

[Distribution("p(x|z)")]
public sealed partial class DmmEmission : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(8, 32), ReLU(), Linear(32, 16));

    public DmmEmission() => RegisterComponents();

    internal Module<Tensor, Tensor> Net => net;

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

[Model("p(x,z|z_prev) = p(x|z) p(z|z_prev)")]
public sealed partial class Dmm : GenerativeModel
{
    public DmmPosterior Q { get; } = new();
    public DmmTransition Prior { get; } = new();
    public DmmEmission P { get; } = new();

    [Loss("mean(iterate(x | z = z_prev)[KL(q(z|x,z_prev) || p(z|z_prev)) - E_q(z|x,z_prev)[log p(x|z)]])")]
    public partial Tensor Loss(Tensor x, Tensor z_prev);
}
