using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

// Tutorial 01's distributions. Its names p_{1} and mu_var become the identifiers p1 and mu_var.

/// <summary>p1(x) = N(0, I) over 50 features.</summary>
[Distribution("p1(x)")]
public sealed partial class StandardNormal50() : Normal(loc: 0, scale: 1, features: [50]);

/// <summary>p(x|mu_var) = N(mu_var, I): the tutorial's loc="mu_var", a conditioning variable used as the mean.</summary>
[Distribution("p(x|mu_var)")]
public sealed partial class NormalAroundMu : Normal
{
    public NormalAroundMu() : base(features: [50]) { }

    // A scalar mu_var (the tutorial samples with mu_var = 0) becomes a batch of one, as Pixyz broadcasts it.
    private NormalParams Forward(Tensor mu_var)
    {
        var loc = mu_var * ones(1, 50, device: mu_var.device);
        return new NormalParams(loc, ones_like(loc));
    }
}

/// <summary>p(mu_var) = Bernoulli(0.3) over 50 features.</summary>
[Distribution("p(mu_var)")]
public sealed partial class CoinFlips() : Bernoulli(probs: 0.3, features: [50]);

/// <summary>The tutorial's product p(x|mu_var) p(mu_var), as a generated joint with ancestral Sample().</summary>
[Model("p(x,mu_var) = p(x|mu_var) p(mu_var)")]
public sealed partial class MuXJoint : GenerativeModel
{
    public NormalAroundMu Conditional { get; } = new();
    public CoinFlips Prior { get; } = new();
}

/// <summary>
/// The tutorial's ProbNorAgivX, p(a|x): x (50) through a 10-unit ReLU layer, then the mean and (softplus) scale of a (20).
/// Its layers are made in the tutorial's order (fc1, fc_loc, fc_scale), so the same seed gives the same weights.
/// </summary>
[Distribution("p(a|x)")]
public sealed partial class NormalAGivenX : Normal
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(50, 10);
    private readonly Module<Tensor, Tensor> fcLoc = Linear(10, 20);
    private readonly Module<Tensor, Tensor> fcScale = Linear(10, 20);

    public NormalAGivenX() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = functional.relu(fc1.call(x));
        return new NormalParams(fcLoc.call(h), functional.softplus(fcScale.call(h)));
    }
}
