using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Kernels for <see cref="MMD"/>: functions of the squared Euclidean distance between two sets of flattened samples.</summary>
public enum MmdKernel
{
    /// <summary>exp(-|x - y|^2 / sigma^2).</summary>
    Gaussian,

    /// <summary>sigma^2 / (|x - y|^2 + sigma^2).</summary>
    InverseMultiquadratic,
}

/// <summary>
/// The squared maximum mean discrepancy between draws of p and q over the batch (InfoVAE / WAE-MMD):
/// mean k(x, x') + mean k(y, y') - 2 mean k(x, y), a scalar. Draws are reparameterized, so it trains both sides.
/// </summary>
public sealed class MMD : DistributionLoss
{
    /// <summary>The squared MMD between draws of <paramref name="p"/> and <paramref name="q"/> with the given <paramref name="kernel"/> and width <paramref name="sigmaSquared"/> (Pixyz's sigma_sqr).</summary>
    public MMD(Distribution p, Distribution q, MmdKernel kernel = MmdKernel.Gaussian, double sigmaSquared = 2.0) : base(p, q)
    {
        Distribution.RequireSameVariables(p, q, "MMD");
        P = p;
        Q = q;
        Kernel = kernel;
        SigmaSquared = sigmaSquared > 0 ? sigmaSquared : throw new ArgumentOutOfRangeException(nameof(sigmaSquared), "The kernel width must be positive.");
    }

    /// <summary>
    /// The squared MMD with the kernel width the input <paramref name="sigmaSquared"/> holds at each evaluation (a scalar
    /// tensor): the DSL's <c>MMD(q(z|x) || p(z), sigma2 = width)</c> with <c>width</c> given with the data.
    /// </summary>
    public MMD(Distribution p, Distribution q, MmdKernel kernel, string sigmaSquared) : this(p, q, kernel) =>
        SigmaSquaredName = string.IsNullOrWhiteSpace(sigmaSquared) ? throw new ArgumentException("A kernel width needs a name.", nameof(sigmaSquared)) : sigmaSquared;

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <summary>The kernel.</summary>
    public MmdKernel Kernel { get; }

    /// <summary>The kernel width sigma squared (when <see cref="SigmaSquaredName"/> is null).</summary>
    public double SigmaSquared { get; }

    /// <summary>The input that gives the kernel width at each evaluation, or null when <see cref="SigmaSquared"/> is fixed.</summary>
    public string? SigmaSquaredName { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        SigmaSquaredName is null ? Union(P.InputVar, Q.InputVar) : Union(Union(P.InputVar, Q.InputVar), new[] { SigmaSquaredName });

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var width = SigmaSquaredName is null ? SigmaSquared : WidthFrom(inputs, SigmaSquaredName);
        var (x, y) = SampleDistances.Draws(P, Q, inputs, this);
        return (Squared(x, y, Kernel, width), Variables.Empty);
    }

    private static double WidthFrom(Variables inputs, string name)
    {
        using var asDouble = inputs[name].to_type(ScalarType.Float64);
        var value = asDouble.item<double>();
        return value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"The kernel width '{name}' must be positive and finite.");
    }

    /// <summary>
    /// The squared MMD between two sets of draws (first dimension: the draws; the rest flattened):
    /// mean k(x, x') + mean k(y, y') - 2 mean k(x, y). Generated code for <c>MMD(q(z|x) || p(z))</c> calls this.
    /// </summary>
    public static Tensor Squared(Tensor x, Tensor y, MmdKernel kernel = MmdKernel.Gaussian, double sigmaSquared = 2.0)
    {
        var a = x.reshape(x.Sizes()[0], -1);
        var b = y.reshape(y.Sizes()[0], -1);
        return K(a, a, kernel, sigmaSquared).mean() + K(b, b, kernel, sigmaSquared).mean() - K(a, b, kernel, sigmaSquared).mean() * 2;
    }

    private static Tensor K(Tensor a, Tensor b, MmdKernel kernel, double sigmaSquared)
    {
        var squared = (a.unsqueeze(1) - b.unsqueeze(0)).square().sum(-1);
        return kernel == MmdKernel.Gaussian ? (-squared / sigmaSquared).exp() : sigmaSquared / (squared + sigmaSquared);
    }

    /// <summary>The DSL's form, with the kernel width when it is not the default: <c>MMD(q(z|x) || p(z), sigma2 = 32)</c>.</summary>
    public override string ToString() =>
        $"{(Kernel == MmdKernel.Gaussian ? "MMD" : "MMD_imq")}({P.ProbText} || {Q.ProbText}{WidthText})";

    private string WidthText => SigmaSquaredName is { } name ? $", sigma2 = {name}"
        : SigmaSquared == 2.0 ? "" : $", sigma2 = {SigmaSquared.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <inheritdoc/>
    public override string ToLatex() => $"D_{{MMD^2}} \\left[{P.ToLatexSignature()}||{Q.ToLatexSignature()} \\right]";
}

/// <summary>
/// The Wasserstein upper bound of Pixyz: the Euclidean distance between paired draws of p and q, per batch element
/// (an upper bound on W2 for any coupling; train both sides to tighten it).
/// </summary>
public sealed class WassersteinDistance : DistributionLoss
{
    /// <summary>The per-row Euclidean distance between draws of <paramref name="p"/> and <paramref name="q"/>, an upper bound of the Wasserstein distance.</summary>
    public WassersteinDistance(Distribution p, Distribution q) : base(p, q)
    {
        Distribution.RequireSameVariables(p, q, "W");
        P = p;
        Q = q;
    }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(P.InputVar, Q.InputVar);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var (x, y) = SampleDistances.Draws(P, Q, inputs, this);
        return ((x - y).square().sum(-1).sqrt(), Variables.Empty);
    }

    /// <inheritdoc/>
    public override string ToString() => $"W({P.ProbText}, {Q.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"W^{{upper}} \\left({P.ToLatexSignature()}, {Q.ToLatexSignature()} \\right)";
}

internal static class SampleDistances
{
    /// <summary>
    /// One reparameterized draw of each side flattened to [batch, features] (a side without inputs draws as many as
    /// the other), or an error naming <paramref name="owner"/> when their feature counts differ.
    /// </summary>
    public static (Tensor X, Tensor Y) Draws(Distribution p, Distribution q, Variables inputs, Loss owner)
    {
        var x = Flat(p, inputs);
        var y = Flat(q, inputs, batchLike: x);
        if (x.Sizes()[1] != y.Sizes()[1])
            throw new ArgumentException($"{owner}: draws of {p.ProbText} have {x.Sizes()[1]} features but draws of {q.ProbText} have {y.Sizes()[1]}.");
        return (x, y);
    }

    /// <summary>
    /// One reparameterized draw of the distribution's first variable, flattened to [batch, features]; a draw at the
    /// inputs is shared with the formula's other terms (<see cref="SharedDraws"/>), one sized after the other side is not.
    /// </summary>
    private static Tensor Flat(Distribution d, Variables inputs, Tensor? batchLike = null)
    {
        var batch = d.InputVar.Count == 0 && batchLike is not null ? batchLike.Sizes()[0] : (long?)null;
        var drawn = batch is null
            ? SharedDraws.Get(d, inputs, 1, () => d.Sample(inputs, reparam: d.HasReparam))
            : d.Sample(inputs, batchN: batch, reparam: d.HasReparam, returnAll: false);
        var draw = drawn[d.Var[0]];
        return draw.reshape(draw.Sizes()[0], -1);
    }
}
