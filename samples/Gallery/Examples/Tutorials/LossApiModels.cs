using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

// Tutorial 02's distributions, section by section (each section redefines p, so each is its own model).

/// <summary>p(x) = N(0, I) over 5 features: the log-likelihood section.</summary>
[Distribution("p(x)")]
public sealed partial class StandardNormal5() : Normal(loc: 0, scale: 1, features: [5]);

/// <summary>The log-likelihood of observations, per observation and averaged.</summary>
[Model("p(x)")]
public sealed partial class LogLikelihoodModel : GenerativeModel
{
    public StandardNormal5 P { get; } = new();

    [Loss("log p(x)")]
    public partial Tensor LogLikelihood(Tensor x);

    [Loss("mean(log p(x))")]
    public partial Tensor MeanLogLikelihood(Tensor x);
}

[Distribution("p(x)")]
public sealed partial class StandardNormal10() : Normal(loc: 0, scale: 1, features: [10]);

/// <summary>q(x) = N(5, 0.1^2 I): far from p, so KL(q || p) is large.</summary>
[Distribution("q(x)")]
public sealed partial class ShiftedNormal10() : Normal(loc: 5, scale: 0.1, features: [10]);

/// <summary>KL(q(x) || p(x)): a loss with no inputs at all.</summary>
[Model("p(x)")]
public sealed partial class DivergenceModel : GenerativeModel
{
    public StandardNormal10 P { get; } = new();
    public ShiftedNormal10 Q { get; } = new();

    [Loss("KL(q(x) || p(x))")]
    public partial Tensor Divergence();
}

/// <summary>q(z|x) = N(x, I): the tutorial's loc="x", a conditioning variable used as the mean.</summary>
[Distribution("q(z|x)")]
public sealed partial class CenteredOnX : Normal
{
    public CenteredOnX() : base(features: [10]) { }

    private NormalParams Forward(Tensor x) => new(x, ones_like(x));
}

/// <summary>p(x|z) = N(z, I).</summary>
[Distribution("p(x|z)")]
public sealed partial class CenteredOnZ : Normal
{
    public CenteredOnZ() : base(features: [10]) { }

    private NormalParams Forward(Tensor z) => new(z, ones_like(z));
}

[Distribution("p(z)")]
public sealed partial class StandardNormalZ() : Normal(loc: 0, scale: 1, features: [10]);

/// <summary>The expectation section and the last one's evidence lower bound, E_q[log p(x|z)] - KL(q || p(z)).</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class BoundModel : GenerativeModel
{
    public CenteredOnX Q { get; } = new();
    public CenteredOnZ P { get; } = new();
    public StandardNormalZ Prior { get; } = new();

    [Loss("E_q(z|x)[log p(x|z)]")]
    public partial Tensor ExpectedLogLikelihood(Tensor x);

    [Loss("mean(E_q(z|x)[log p(x|z)] - KL(q(z|x) || p(z)))")]
    public partial Tensor Bound(Tensor x);
}
