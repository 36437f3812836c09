using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.NormalizingFlowToy;

/// <summary>The notebook's target: an unnormalized banana-shaped density, p = CustomProb(log_prob, var=["z"]).</summary>
[Distribution("p(z)")]
public sealed partial class Banana : CustomDensity
{
    public Tensor LogDensity(Tensor z)
    {
        var z1 = z[.., 0..1];
        var z2 = z[.., 1..2];
        var norm = (z1.square() + z2.square()).sqrt();
        var exp1 = (-0.5 * ((z1 - 2) / 0.6).square()).exp();
        var exp2 = (-0.5 * ((z1 + 2) / 0.6).square()).exp();
        return -(0.5 * ((norm - 2) / 0.4).square() - (exp1 + exp2).log());
    }
}

/// <summary>
/// The notebook's q: a standard Normal prior over x through 32 planar layers, giving z; u unconstrained, as the
/// notebook's PlanarFlow(x_dim) leaves it (Pixyz's default).
/// </summary>
[Distribution("q(z)")]
public sealed partial class PlanarFlowQ : TransformedDistribution
{
    public PlanarFlowQ()
        : base(new Normal(0.0, 1.0, var: new[] { "x" }, features: new long[] { 2 }, name: "prior"), Enumerable.Range(0, 32).Select(_ => (FlowLayer)new PlanarLayer(2, constrainU: false)).ToArray())
    {
    }
}

/// <summary>VI(p, q): the negative ELBO, drawn from the flow, scored by the banana.</summary>
[Model("p(z) = p(z)")]
public sealed partial class BananaVi : GenerativeModel
{
    public Banana P { get; } = new();
    public PlanarFlowQ Q { get; } = new();

    [Loss("mean(E_q(z)[log q(z) - log p(z)])")]
    public partial Tensor NegativeElbo();
}
