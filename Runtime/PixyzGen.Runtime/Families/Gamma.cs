using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Gamma family with shape (concentration) a and rate b: density b^a x^(a-1) e^(-b x) / Gamma(a).</summary>
public class Gamma : FamilyDistribution<GammaParams>
{
    private static readonly string[] Names = { "concentration", "rate" };

    public Gamma(ParamSource concentration, ParamSource rate, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { concentration, rate }, var, condVar, name, features)
    {
    }

    protected Gamma(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    public override string DistributionName => nameof(Gamma);

    public override bool HasReparam => true;

    protected override GammaParams CreateParams(Tensor[] raw) => new(raw[0], raw[1]);

    protected override Tensor[] ParamTensors(GammaParams p) => new[] { p.Concentration, p.Rate };

    protected override void CheckParams(GammaParams p)
    {
        RequirePositive("concentration", p.Concentration);
        RequirePositive("rate", p.Rate);
    }

    protected override long[] ValueShape(GammaParams p) => Shapes.Broadcast(p.Concentration.Sizes(), p.Rate.Sizes());

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

    protected override Tensor LogProbElements(GammaParams p, Tensor value) =>
        p.Concentration * p.Rate.log() + (p.Concentration - 1) * value.log() - p.Rate * value - p.Concentration.lgamma();

    public override Tensor MeanOf(GammaParams p) => p.Concentration / p.Rate;

    public override Tensor VarianceOf(GammaParams p) => p.Concentration / p.Rate.square();

    /// <summary>a - log b + log Gamma(a) + (1 - a) digamma(a) per element.</summary>
    protected override Tensor EntropyElements(GammaParams p) =>
        p.Concentration - p.Rate.log() + p.Concentration.lgamma() + (1 - p.Concentration) * p.Concentration.digamma();
}
