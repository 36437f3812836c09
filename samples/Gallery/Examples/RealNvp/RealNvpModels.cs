using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.RealNvp;

/// <summary>real_nvp_toy's p(x): two moons through 5 coupling blocks of 256 units from a 2-D standard Normal.</summary>
[Distribution("p(x)")]
public sealed partial class MoonsFlow : InverseTransformedDistribution
{
    public MoonsFlow() : base(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 }, name: "prior"), ScaleTranslateNet.Blocks(2, 256, 5, preprocess: false))
    {
    }
}

/// <summary>real_nvp's p(x): MNIST digits, preprocessed, through 5 coupling blocks of 1028 units.</summary>
[Distribution("p(x)")]
public sealed partial class DigitFlow : InverseTransformedDistribution
{
    public DigitFlow() : base(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 784 }, name: "p_prior"), ScaleTranslateNet.Blocks(784, 1028, 5, preprocess: true))
    {
    }
}

/// <summary>real_nvp_cond's p(x|y): the same flow whose couplings read the one-hot label.</summary>
[Distribution("p(x|y)")]
public sealed partial class ConditionalDigitFlow : InverseTransformedDistribution
{
    public ConditionalDigitFlow() : base(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 784 }, name: "p_prior"), ScaleTranslateNet.Blocks(784, 1028, 5, preprocess: true, conditionFeatures: 10))
    {
    }
}

[Model("p(x) = p(x)")]
public sealed partial class MoonsModel : GenerativeModel
{
    public MoonsFlow P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor Nll(Tensor x);
}

[Model("p(x) = p(x)")]
public sealed partial class DigitFlowModel : GenerativeModel
{
    public DigitFlow P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor Nll(Tensor x);
}

[Model("p(x|y) = p(x|y)")]
public sealed partial class ConditionalDigitFlowModel : GenerativeModel
{
    public ConditionalDigitFlow P { get; } = new();

    [Loss("-mean(log p(x|y))")]
    public partial Tensor Nll(Tensor x, Tensor y);
}
