using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Gamma family with shape (concentration) a and rate b: density b^a x^(a-1) e^(-b x) / Gamma(a).</summary>
public class Gamma : FamilyDistribution<GammaParams>
{
    private static readonly string[] Names = { "concentration", "rate" };

    /// <summary>A Gamma with the given shape (concentration) and rate: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Gamma(ParamSource concentration, ParamSource rate, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { concentration, rate }, var, condVar, name, features)
    {
    }

    /// <summary>A Gamma whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Gamma(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Gamma);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected override GammaParams CreateParams(Tensor[] raw) => new(raw[0], raw[1]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(GammaParams p) => new[] { p.Concentration, p.Rate };

    /// <inheritdoc/>
    protected override void CheckParams(GammaParams p)
    {
        RequirePositive("concentration", p.Concentration);
        RequirePositive("rate", p.Rate);
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(GammaParams p) => Shapes.Broadcast(p.Concentration.Sizes(), p.Rate.Sizes());

    /// <inheritdoc/>
    public override Tensor SampleFrom(GammaParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>Standard-gamma draws (implicitly reparameterized by libtorch) divided by the rate, kept above the dtype's tiniest value.</summary>
    public override Tensor RSampleFrom(GammaParams p, params long[] sampleShape)
    {
        var shape = Shapes.Concat(sampleShape, ValueShape(p));
        var draw = _standard_gamma(p.Concentration.expand(shape)) / p.Rate.expand(shape);
        return draw.clamp_min(finfo(draw.dtype).tiny);
    }

    /// <inheritdoc/>
    protected override Tensor LogProbElements(GammaParams p, Tensor value) =>
        p.Concentration * p.Rate.log() + (p.Concentration - 1) * value.log() - p.Rate * value - p.Concentration.lgamma();

    /// <inheritdoc/>
    public override Tensor MeanOf(GammaParams p) => p.Concentration / p.Rate;

    /// <inheritdoc/>
    public override Tensor VarianceOf(GammaParams p) => p.Concentration / p.Rate.square();

    /// <summary>a - log b + log Gamma(a) + (1 - a) digamma(a) per element.</summary>
    protected override Tensor EntropyElements(GammaParams p) =>
        p.Concentration - p.Rate.log() + p.Concentration.lgamma() + (1 - p.Concentration) * p.Concentration.digamma();
}
