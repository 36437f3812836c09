using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Normal family N(loc, scale). Parameters are constants or conditioning variables given to the constructor
/// (<c>new Normal(loc: 0, scale: 1, var: ["z"], features: [64])</c>), or come from a network: a
/// <c>NormalParams Forward(...)</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.
/// </summary>
public class Normal : FamilyDistribution<NormalParams>
{
    private static readonly string[] Names = { "loc", "scale" };
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>A Normal with the given parameters: numbers or tensors are constants, strings name conditioning variables.</summary>
    public Normal(ParamSource loc, ParamSource scale, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(Names, new[] { loc, scale }, var, condVar, name, features)
    {
    }

    /// <summary>A Normal whose parameters a network computes (<c>Forward</c> or an override of <c>ParamsFor</c>).</summary>
    protected Normal(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(Names, null, var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Normal);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <inheritdoc/>
    protected override NormalParams CreateParams(Tensor[] raw) => new(raw[0], raw[1]);

    /// <inheritdoc/>
    protected override Tensor[] ParamTensors(NormalParams p) => new[] { p.Loc, p.Scale };

    /// <inheritdoc/>
    protected override void CheckParams(NormalParams p)
    {
        RequireFinite("loc", p.Loc);
        RequirePositive("scale", p.Scale);
    }

    /// <inheritdoc/>
    protected override long[] ValueShape(NormalParams p) => p.Loc.SameSizes(p.Scale) ? p.Loc.Sizes() : Shapes.Broadcast(p.Loc.Sizes(), p.Scale.Sizes());

    /// <inheritdoc/>
    public override Tensor SampleFrom(NormalParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>A reparameterized draw <c>loc + scale * eps</c>, eps ~ N(0, 1), of shape <c>sampleShape + parameter shape</c>.</summary>
    public override Tensor RSampleFrom(NormalParams p, params long[] sampleShape)
    {
        // The common case (one draw, parameters of one shape) needs no shape arithmetic.
        var eps = sampleShape.Length == 0 && p.Loc.SameSizes(p.Scale)
            ? randn_like(p.Loc)
            : randn(Shapes.Concat(sampleShape, ValueShape(p)), dtype: p.Loc.dtype, device: p.Loc.device);
        return p.Loc + p.Scale * eps;
    }

    /// <summary>log N(value; loc, scale) per element.</summary>
    protected override Tensor LogProbElements(NormalParams p, Tensor value)
    {
        var standardized = (value - p.Loc) / p.Scale;
        return standardized.square().mul(-0.5) - p.Scale.log() - HalfLogTwoPi;
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(NormalParams p) => p.Loc;

    /// <inheritdoc/>
    public override Tensor VarianceOf(NormalParams p) => p.Scale.square();

    /// <summary>Differential entropy 1/2 + log(scale) + log(2 pi)/2 per element.</summary>
    protected override Tensor EntropyElements(NormalParams p) => p.Scale.log() + (0.5 + HalfLogTwoPi);
}
