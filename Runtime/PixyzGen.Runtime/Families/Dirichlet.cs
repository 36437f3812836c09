using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Dirichlet family on the probability simplex of the last dimension.</summary>
public class Dirichlet : FamilyDistribution<DirichletParams>
{
    private static readonly string[] Names = { "concentration" };

    public Dirichlet(ParamSource concentration, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { concentration }, var, condVar, name, features)
    {
    }

    protected Dirichlet(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    public override string DistributionName => nameof(Dirichlet);

    public override bool HasReparam => true;

    protected internal override int EventRank => 1;

    protected override DirichletParams CreateParams(Tensor[] raw) => new(raw[0]);

    protected override Tensor[] ParamTensors(DirichletParams p) => new[] { p.Concentration };

    protected override void CheckParams(DirichletParams p) => RequirePositive("concentration", p.Concentration);

    protected override long[] ValueShape(DirichletParams p) => p.Concentration.Sizes();

    public override Tensor SampleFrom(DirichletParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>Normalized independent Gamma(alpha_k, 1) draws: reparameterized through the gamma draws.</summary>
    public override Tensor RSampleFrom(DirichletParams p, params long[] sampleShape)
    {
        var gammas = _standard_gamma(p.Concentration.expand(Shapes.Concat(sampleShape, p.Concentration.Sizes())));
        var tiny = finfo(gammas.dtype).tiny;
        var normalized = gammas.clamp_min(tiny) / gammas.clamp_min(tiny).sum(-1, keepdim: true);
        return normalized.clamp(tiny, 1 - finfo(gammas.dtype).eps);
    }

    /// <summary>sum_k (alpha_k - 1) log x_k + log Gamma(alpha_0) - sum_k log Gamma(alpha_k), per simplex.</summary>
    protected override Tensor LogProbElements(DirichletParams p, Tensor value) =>
        ((p.Concentration - 1) * value.log()).sum(-1) + p.Concentration.sum(-1).lgamma() - p.Concentration.lgamma().sum(-1);

    public override Tensor MeanOf(DirichletParams p) => p.Concentration / p.Concentration.sum(-1, keepdim: true);

    public override Tensor VarianceOf(DirichletParams p)
    {
        var total = p.Concentration.sum(-1, keepdim: true);
        return p.Concentration * (total - p.Concentration) / (total.square() * (total + 1));
    }

    /// <summary>log B(alpha) + (alpha_0 - K) digamma(alpha_0) - sum_k (alpha_k - 1) digamma(alpha_k), per simplex.</summary>
    protected override Tensor EntropyElements(DirichletParams p)
    {
        var total = p.Concentration.sum(-1);
        var classes = p.Concentration.Sizes()[^1];
        var logBeta = p.Concentration.lgamma().sum(-1) - total.lgamma();
        return logBeta + (total - classes) * total.digamma() - ((p.Concentration - 1) * p.Concentration.digamma()).sum(-1);
    }
}
