using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Dirichlet family on the probability simplex of the last dimension.</summary>
public class Dirichlet : FamilyDistribution<DirichletParams>
{
    private static readonly string[] Names = { "concentration" };

    /// <summary>A Dirichlet with the given concentrations (over the last dimension): numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Dirichlet(ParamSource concentration, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { concentration }, var, condVar, name, features)
    {
    }

    /// <summary>A Dirichlet whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Dirichlet(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Dirichlet);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected internal override int EventRank => 1;

    /// <inheritdoc/>
    protected override DirichletParams CreateParams(Tensor[] raw) => new(raw[0]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(DirichletParams p) => new[] { p.Concentration };

    /// <inheritdoc/>
    protected override void CheckParams(DirichletParams p) => RequirePositive("concentration", p.Concentration);

    /// <inheritdoc/>
    protected override long[] ValueShape(DirichletParams p) => p.Concentration.Sizes();

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override Tensor MeanOf(DirichletParams p) => p.Concentration / p.Concentration.sum(-1, keepdim: true);

    /// <inheritdoc/>
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
