using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A density known only through its (possibly unnormalized) log: an energy function, a target of variational
/// inference (Pixyz's <c>CustomProb</c>). It scores values and cannot be sampled. Under
/// <see cref="DistributionAttribute"/> declare <c>Tensor LogDensity(Tensor z, ...)</c> (the value, then the
/// conditioning variables) and the generator routes every score through it; the dynamic API overrides
/// <see cref="LogDensityFor"/>.
/// </summary>
/// <remarks>
/// The log-density has one value per batch element, or one per element of the value: dimensions past the value's
/// batch dimensions (its shape without the <see cref="Distribution.FeatureRank"/> trailing features) are summed, as
/// Pixyz's <c>sum_samples</c> sums a <c>CustomProb</c>'s result.
/// </remarks>
public abstract class CustomDensity : Distribution
{
    /// <param name="var">The scored variables; null keeps the declared signature (or <c>[x]</c>).</param>
    /// <param name="condVar">The variables the density is conditioned on.</param>
    /// <param name="name">The name printed in front of the variables.</param>
    /// <param name="features">The shape of one value without batch dimensions; null means vectors (rank 1).</param>
    protected CustomDensity(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => "Custom PDF";

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <summary>Scoring needs every variable: the scored ones and the conditioning ones.</summary>
    public override IReadOnlyList<string> InputVar => AllVar;

    /// <summary>The log-density of the values in <paramref name="values"/> (which hold every variable of the signature).</summary>
    protected virtual Tensor LogDensityFor(Variables values) =>
        throw new InvalidOperationException($"{Describe()}: declare Tensor LogDensity({string.Join(", ", AllVar.Select(v => "Tensor " + v))}) under [Distribution], or override LogDensityFor.");

    /// <inheritdoc/>
    protected internal override string? CannotSampleReason =>
        $"{Describe()} is known only through its log-density: it cannot be sampled; draw from another distribution and score this one.";

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request) => throw new NotSupportedException(CannotSampleReason);

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        foreach (var variable in AllVar) Require(inputs, variable);
        var density = LogDensityFor(inputs.Only(AllVar));
        if (density is null) throw new InvalidOperationException($"{Describe()}: the log-density function returned null.");
        return ToBatch(density, Var[0], inputs[Var[0]], sumFeatures);
    }

    /// <summary>
    /// The log-density with the value's batch shape: trailing dimensions past it summed (when <paramref name="sumFeatures"/>);
    /// any other shape is an error naming the distribution, the variable and both shapes.
    /// </summary>
    private Tensor ToBatch(Tensor density, string variable, Tensor value, bool sumFeatures)
    {
        var valueShape = value.shape;
        var batchRank = Math.Max(0, valueShape.Length - FeatureRank);
        var shape = density.shape;
        var leadingFits = shape.Length >= batchRank && shape.Take(batchRank).SequenceEqual(valueShape.Take(batchRank));
        if (!leadingFits)
            throw new ArgumentException(
                $"{Describe()}: the log-density of '{variable}' has shape {Format(shape)}, but '{variable}' has shape {Format(valueShape)}, " +
                $"so it must start with the batch shape {Format(valueShape.Take(batchRank).ToArray())} (one value per batch element, or more dimensions to sum).",
                variable);
        if (!sumFeatures || shape.Length == batchRank) return density;
        return density.sum(Enumerable.Range(batchRank, shape.Length - batchRank).Select(d => (long)d).ToArray());
    }
}
