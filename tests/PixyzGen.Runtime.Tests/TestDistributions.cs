using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests;

/// <summary>Small generated distributions for the family tests: constants, and parameters passed straight through Forward.</summary>
[Distribution("p(x)")]
public sealed partial class ConstantNormal(Tensor loc, Tensor scale) : Normal(loc, scale);

[Distribution("p(x|mu,sigma)")]
public sealed partial class PassThroughNormal() : Normal()
{
    private NormalParams Forward(Tensor mu, Tensor sigma) => new(mu, sigma);
}

[Distribution("p(x|logits)")]
public sealed partial class LogitBernoulli() : Bernoulli()
{
    private BernoulliParams Forward(Tensor logits) => BernoulliParams.FromLogits(logits);
}

[Distribution("p(x)")]
public sealed partial class ConstantBernoulli(Tensor probs) : Bernoulli(probs);

[Distribution("p(y|x)")]
public sealed partial class ImageNormal() : Normal(features: new long[] { 1, 2, 2 })
{
    private NormalParams Forward(Tensor x) => new(x, ones_like(x));
}
