using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Beta family on (0, 1): density x^(a-1) (1-x)^(b-1) / B(a, b), with a = concentration1, b = concentration0.</summary>
public class Beta : FamilyDistribution<BetaParams>
{
    private static readonly string[] Names = { "concentration1", "concentration0" };

    /// <summary>A Beta with the given concentrations: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Beta(ParamSource concentration1, ParamSource concentration0, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { concentration1, concentration0 }, var, condVar, name, features)
    {
    }

    /// <summary>A Beta whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Beta(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Beta);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected override BetaParams CreateParams(Tensor[] raw) => new(raw[0], raw[1]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(BetaParams p) => new[] { p.Concentration1, p.Concentration0 };

    /// <inheritdoc/>
    protected override void CheckParams(BetaParams p)
    {
        RequirePositive("concentration1", p.Concentration1);
        RequirePositive("concentration0", p.Concentration0);
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(BetaParams p) => Shapes.Broadcast(p.Concentration1.Sizes(), p.Concentration0.Sizes());

    /// <inheritdoc/>
    public override Tensor SampleFrom(BetaParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>X / (X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1): reparameterized through the gamma draws.</summary>
    public override Tensor RSampleFrom(BetaParams p, params long[] sampleShape)
    {
        var shape = Shapes.Concat(sampleShape, ValueShape(p));
        var x = _standard_gamma(p.Concentration1.expand(shape));
        var y = _standard_gamma(p.Concentration0.expand(shape));
        var eps = finfo(x.dtype).eps;
        return (x / (x + y)).clamp(eps, 1 - eps);
    }

    /// <inheritdoc/>
    protected override Tensor LogProbElements(BetaParams p, Tensor value) =>
        (p.Concentration1 - 1) * value.log() + (p.Concentration0 - 1) * (-value).log1p() - LogBeta(p);

    /// <inheritdoc/>
    public override Tensor MeanOf(BetaParams p) => p.Concentration1 / (p.Concentration1 + p.Concentration0);

    /// <inheritdoc/>
    public override Tensor VarianceOf(BetaParams p)
    {
        var total = p.Concentration1 + p.Concentration0;
        return p.Concentration1 * p.Concentration0 / (total.square() * (total + 1));
    }

    /// <summary>log B(a, b) - (a-1) digamma(a) - (b-1) digamma(b) + (a+b-2) digamma(a+b) per element.</summary>
    protected override Tensor EntropyElements(BetaParams p)
    {
        var total = p.Concentration1 + p.Concentration0;
        return LogBeta(p) - (p.Concentration1 - 1) * p.Concentration1.digamma() - (p.Concentration0 - 1) * p.Concentration0.digamma()
               + (total - 2) * total.digamma();
    }

    internal static Tensor LogBeta(BetaParams p) =>
        p.Concentration1.lgamma() + p.Concentration0.lgamma() - (p.Concentration1 + p.Concentration0).lgamma();
}
