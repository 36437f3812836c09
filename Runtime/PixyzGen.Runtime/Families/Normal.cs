using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Normal family. Parameters come from the derived class's <c>NormalParams Forward(...)</c> or, for a
/// distribution without conditioning variables, from constants given to the constructor (stored as buffers).
/// </summary>
public abstract class Normal : Distribution
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    // Named like the buffers they are registered as, so TorchSharp's device moves update them.
    private Tensor? loc;
    private Tensor? scale;

    /// <summary>A Normal whose parameters a <c>Forward</c> method computes.</summary>
    /// <param name="moduleName">The TorchSharp module name.</param>
    /// <param name="features">Shape of one draw; defaults to vectors (one feature dimension).</param>
    protected Normal(string moduleName, long[]? features = null) : base(moduleName, features)
    {
    }

    /// <summary>A Normal with constant parameters over <paramref name="features"/> values, e.g. a N(0, 1) prior.</summary>
    protected Normal(double loc, double scale, long features, string moduleName = nameof(Normal))
        : this(full(features, loc), full(features, scale), moduleName)
    {
    }

    /// <summary>A Normal with constant parameter tensors; their shape is the feature shape.</summary>
    protected Normal(Tensor loc, Tensor scale, string moduleName = nameof(Normal)) : base(moduleName, loc.shape)
    {
        if (!loc.shape.SequenceEqual(scale.shape))
            throw new ArgumentException($"{GetType().Name}: loc has shape {Format(loc.shape)} but scale has shape {Format(scale.shape)}.", nameof(scale));
        if (!scale.gt(0).all().item<bool>())
            throw new ArgumentOutOfRangeException(nameof(scale), $"{GetType().Name}: every scale of a Normal must be positive.");
        this.loc = loc.detach().clone();
        this.scale = scale.detach().clone();
        register_buffer(nameof(loc), this.loc);
        register_buffer(nameof(scale), this.scale);
    }

    public override string DistributionName => nameof(Normal);

    public override bool HasReparam => true;

    /// <summary>The constant parameters; throws when the parameters come from <c>Forward</c>.</summary>
    public NormalParams ConstantParams => loc is not null && scale is not null
        ? new NormalParams(loc, scale)
        : throw new InvalidOperationException($"{ProbText} ({GetType().Name}) has no constant parameters: its parameters come from Forward.");

    /// <summary>A draw of shape <c>sampleShape + parameter shape</c>, without gradient.</summary>
    public Tensor SampleFrom(NormalParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }

    /// <summary>A reparameterized draw <c>loc + scale * eps</c>, eps ~ N(0, 1), of shape <c>sampleShape + parameter shape</c>.</summary>
    public Tensor RSampleFrom(NormalParams p, params long[] sampleShape)
    {
        var locShape = p.Loc.shape;
        var scaleShape = p.Scale.shape;
        // The common case (one draw, parameters of one shape) needs no shape arithmetic.
        var eps = sampleShape.Length == 0 && locShape.AsSpan().SequenceEqual(scaleShape)
            ? randn_like(p.Loc)
            : randn(sampleShape.Concat(locShape.Length >= scaleShape.Length ? locShape : scaleShape).ToArray(), dtype: p.Loc.dtype, device: p.Loc.device);
        return p.Loc + p.Scale * eps;
    }

    /// <summary>log N(value; loc, scale) summed over feature dimensions.</summary>
    public Tensor LogProbOf(NormalParams p, Tensor value, string variable)
    {
        CheckShape(variable, value.shape, p.Loc.shape);
        var standardized = (value - p.Loc) / p.Scale;
        return SumFeatures(standardized.square().mul(-0.5) - p.Scale.log() - HalfLogTwoPi);
    }

    public Tensor MeanOf(NormalParams p) => p.Loc;

    /// <summary>Differential entropy 1/2 + log(scale) + log(2 pi)/2, summed over feature dimensions.</summary>
    public Tensor EntropyOf(NormalParams p) => SumFeatures(p.Scale.log() + (0.5 + HalfLogTwoPi));
}
