using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The Laplace family: density exp(-|x - loc| / scale) / (2 scale).</summary>
public class Laplace : FamilyDistribution<LaplaceParams>
{
    private static readonly string[] Names = { "loc", "scale" };
    private static readonly double Log2 = Math.Log(2);

    /// <summary>A Laplace with the given location and scale: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Laplace(ParamSource loc, ParamSource scale, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { loc, scale }, var, condVar, name, features)
    {
    }

    /// <summary>A Laplace whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Laplace(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Laplace);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected override LaplaceParams CreateParams(Tensor[] raw) => new(raw[0], raw[1]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(LaplaceParams p) => new[] { p.Loc, p.Scale };

    /// <inheritdoc/>
    protected override void CheckParams(LaplaceParams p)
    {
        RequireFinite("loc", p.Loc);
        RequirePositive("scale", p.Scale);
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(LaplaceParams p) => Shapes.Broadcast(p.Loc.Sizes(), p.Scale.Sizes());

    /// <inheritdoc/>
    public override Tensor SampleFrom(LaplaceParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>Inverse-CDF draw: loc - scale * sign(u) * log(1 - |u|), u ~ U(-1, 1) kept away from the ends.</summary>
    public override Tensor RSampleFrom(LaplaceParams p, params long[] sampleShape)
    {
        var tiny = finfo(p.Loc.dtype).eps;
        var u = rand(Shapes.Concat(sampleShape, ValueShape(p)), dtype: p.Loc.dtype, device: p.Loc.device).mul(2 - tiny).add(tiny - 1);
        return p.Loc - p.Scale * u.sign() * (-u.abs()).log1p();
    }

    /// <inheritdoc/>
    protected override Tensor LogProbElements(LaplaceParams p, Tensor value) => -(value - p.Loc).abs() / p.Scale - p.Scale.log() - Log2;

    /// <inheritdoc/>
    public override Tensor MeanOf(LaplaceParams p) => p.Loc;

    /// <inheritdoc/>
    public override Tensor VarianceOf(LaplaceParams p) => p.Scale.square().mul(2);

    /// <summary>1 + log(2 scale) per element.</summary>
    protected override Tensor EntropyElements(LaplaceParams p) => p.Scale.log() + (1 + Log2);
}
