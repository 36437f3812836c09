using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>q(z|x) that counts its forward passes.</summary>
[Distribution("q(z|x)")]
public sealed partial class CountingEncoder : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 4);

    public CountingEncoder() => RegisterComponents();

    public int Calls { get; private set; }

    private NormalParams Forward(Tensor x)
    {
        Calls++;
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], nn.functional.softplus(h[1]) + 0.1);
    }
}

/// <summary>p(x|z) that counts its forward passes.</summary>
[Distribution("p(x|z)")]
public sealed partial class CountingDecoder : Bernoulli
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 3);

    public CountingDecoder() => RegisterComponents();

    public int Calls { get; private set; }

    private BernoulliParams Forward(Tensor z)
    {
        Calls++;
        return BernoulliParams.FromLogits(net.call(z));
    }
}

[Distribution("p(z)")]
public sealed partial class StandardPrior() : Normal(loc: 0, scale: 1, features: [2]);

/// <summary>r(z|x): a Laplace encoder, whose KL to the Normal prior has no closed form.</summary>
[Distribution("r(z|x)")]
public sealed partial class LaplaceEncoder : Laplace
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 4);

    public LaplaceEncoder() => RegisterComponents();

    private LaplaceParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new LaplaceParams(h[0], nn.functional.softplus(h[1]) + 0.1);
    }
}

/// <summary>One [Loss] per kind of term the DSL has, to compare with the dynamic API's loss objects.</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class LossKinds : GenerativeModel
{
    public CountingEncoder Q { get; } = new();

    public CountingDecoder P { get; } = new();

    public StandardPrior Pz { get; } = new();

    public LaplaceEncoder R { get; } = new();

    [Loss("mean(KL(q(z|x) || p(z)))")]
    public partial Tensor ClosedFormKl(Tensor x);

    [Loss("mean(KL(r(z|x) || p(z)))")]
    public partial Tensor MonteCarloKl(Tensor x);

    [Loss("mean(E_q(z|x)[log p(x|z)])")]
    public partial Tensor Reconstruction(Tensor x);

    [Loss("sum(H[q(z|x)])")]
    public partial Tensor EntropySum(Tensor x);

    [Loss("mean(log p(x|z) + log p(z))")]
    public partial Tensor JointLogLikelihood(Tensor x, Tensor z);

    [Loss("mean(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor BetaVae(Tensor x, double beta);

    // A Tensor written where a number goes: a weight per example, combined element-wise before the mean.
    [Loss("mean(w * (KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]))")]
    public partial Tensor Weighted(Tensor x, Tensor w);

    [Loss("mean(E_q(z|x)^5[log p(x|z)])")]
    public partial Tensor FiveSampleReconstruction(Tensor x);

    // The number of draws given at each call.
    [Loss("mean(E_q(z|x)^k[log p(x|z)])")]
    public partial Tensor CountedReconstruction(Tensor x, int k);

    [Loss("MMD(q(z|x) || p(z))")]
    public partial Tensor Discrepancy(Tensor x);

    [Loss("MMD_imq(q(z|x) || p(z))")]
    public partial Tensor MultiquadricDiscrepancy(Tensor x);

    // MMD-VAE's width (sigma^2 = z_dim / 2 there), written in the formula or given at each call.
    [Loss("MMD(q(z|x) || p(z), sigma2 = 32)")]
    public partial Tensor WideDiscrepancy(Tensor x);

    [Loss("MMD_imq(q(z|x) || p(z), sigma2 = width)")]
    public partial Tensor AnnealedDiscrepancy(Tensor x, int width);

    [Loss("mean(IWAE_5(p(x,z) || q(z|x)))")]
    public partial Tensor ImportanceWeighted(Tensor x);

    // The number of importance samples given at each call.
    [Loss("mean(IWAE_k(p(x,z) || q(z|x)))")]
    public partial Tensor CountedImportanceWeighted(Tensor x, long k);

    [Loss("mean(IWAE_1(p(x,z) || q(z|x)))")]
    public partial Tensor SingleSampleBound(Tensor x);

    [Loss("mean(E_q(z|x)^3[KL(q(z|x) || p(z)) - log p(x|z)])")]
    public partial Tensor ThreeSampleBound(Tensor x);

    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + 0.1 * H[q(z|x)] - 2 / 4)")]
    public partial Tensor Everything(Tensor x);
}
