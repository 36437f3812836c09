using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Base of every distribution: a TorchSharp module (it may hold networks) with a signature such as <c>p(x|z)</c>
/// and a feature shape. Values have the shape <c>sample_shape + batch + features</c>; log-densities sum over the
/// trailing feature dimensions, so they have the shape <c>sample_shape + batch</c>.
/// </summary>
/// <remarks>
/// This is Pixyz's dynamic API (variables by name, <see cref="Variables"/>); classes with
/// <see cref="DistributionAttribute"/> also get typed members generated over the same numerics.
/// </remarks>
public abstract partial class Distribution : nn.Module
{
    private static readonly DistributionSignature DefaultSignature = new("p", new[] { "x" }, Array.Empty<string>());

    private readonly long[]? featureShape;
    private readonly DistributionSignature? configuredSignature;
    private string? nameOverride;

    /// <param name="var">The generated variables (Pixyz's <c>var</c>); null keeps the declared or default <c>[x]</c>.</param>
    /// <param name="condVar">The conditioning variables (Pixyz's <c>cond_var</c>).</param>
    /// <param name="name">The name printed in front of the variables: <c>p</c>, <c>q</c>, ...</param>
    /// <param name="features">The shape of one draw, without batch dimensions; null means "vectors" (rank 1).</param>
    protected Distribution(IReadOnlyList<string>? var, IReadOnlyList<string>? condVar, string? name, long[]? features)
        : base(nameof(Distribution))
    {
        this.name = GetType().Name;
        featureShape = features?.ToArray();
        if (var is not null || condVar is not null || name is not null)
            configuredSignature = DistributionSignature.Create(name ?? "p", var ?? new[] { "x" }, condVar ?? Array.Empty<string>(), GetType().Name);
    }

    /// <summary>The family, as Pixyz prints it: Normal, Bernoulli, ...</summary>
    public abstract string DistributionName { get; }

    /// <summary>
    /// The family whose closed-form KL applies (see <see cref="KL.HasClosedForm(Distribution, Distribution)"/>): the
    /// <see cref="DistributionName"/> unless a distribution is another family in disguise (a product of Normal experts is a Normal).
    /// </summary>
    public virtual string KlFamily => DistributionName;

    /// <summary>Whether samples can be reparameterized (gradients flow through <c>reparam: true</c> draws).</summary>
    public abstract bool HasReparam { get; }

    /// <summary>The signature this distribution was declared with; generated code overrides it from <see cref="DistributionAttribute"/>.</summary>
    protected virtual DistributionSignature DeclaredSignature => configuredSignature ?? DefaultSignature;

    /// <summary>The signature in use: the declared one, renamed when <see cref="Name"/> was set.</summary>
    public DistributionSignature EffectiveSignature => nameOverride is null ? DeclaredSignature : DeclaredSignature with { Name = nameOverride };

    /// <summary>The name printed in front of the variables; settable, as in Pixyz (<c>p.Name = "q"</c>).</summary>
    public string Name
    {
        get => EffectiveSignature.Name;
        set => nameOverride = DistributionSignature.CheckName(value, GetType().Name);
    }

    /// <summary>The variables the distribution generates (Pixyz's <c>var</c>): <c>[z]</c> for <c>q(z|x)</c>.</summary>
    public IReadOnlyList<string> Var => EffectiveSignature.Var;

    /// <summary>The conditioning variables.</summary>
    public IReadOnlyList<string> CondVar => EffectiveSignature.CondVar;

    /// <summary>The variables a caller must provide to sample: the conditioning variables, for most distributions.</summary>
    public virtual IReadOnlyList<string> InputVar => CondVar;

    /// <summary>Every variable the distribution mentions: <see cref="Var"/> then <see cref="CondVar"/>.</summary>
    public IReadOnlyList<string> AllVar => Var.Concat(CondVar).ToArray();

    /// <summary>Pixyz's <c>prob_text</c>: <c>p(x|z)</c>.</summary>
    public string ProbText => EffectiveSignature.ToString();

    /// <summary>Pixyz's <c>prob_factorized_text</c>: the product of factors (the signature itself for one factor).</summary>
    public virtual string ProbFactorizedText => ProbText;

    /// <summary>The declared shape of one draw, or null when only its rank is known.</summary>
    public IReadOnlyList<long>? FeatureShape => featureShape;

    /// <summary>How many trailing dimensions of a value are features (summed by log-densities).</summary>
    public int FeatureRank => featureShape?.Length ?? DefaultFeatureRank;

    /// <summary>The feature rank when no shape was given: 1 (vectors) unless the family says otherwise.</summary>
    protected virtual int DefaultFeatureRank => 1;

    /// <summary>Sum of an element-wise quantity over the feature dimensions: the result has the batch shape.</summary>
    protected internal Tensor SumFeatures(Tensor elementwise) => FeatureDims.Sum(elementwise, FeatureRank);

    /// <summary>
    /// Draws the variables of <see cref="Var"/> given the <see cref="InputVar"/> values in <paramref name="inputs"/>.
    /// </summary>
    /// <param name="inputs">Values of the conditioning variables (more may be present; they are passed through).</param>
    /// <param name="batchN">Batch size for a distribution with no conditioning variables (default 1).</param>
    /// <param name="sampleShape">Extra leading dimensions: <c>sample_shape + batch + features</c>.</param>
    /// <param name="reparam">Draw with the reparameterization trick, so gradients flow to the parameters.</param>
    /// <param name="returnAll">Return the inputs together with the draws (Pixyz's default) or the draws alone.</param>
    public Variables Sample(Variables? inputs = null, long? batchN = null, long[]? sampleShape = null, bool reparam = false, bool returnAll = true)
    {
        inputs ??= Variables.Empty;
        if (CannotSampleReason is { } reason) throw new NotSupportedException(reason);
        if (reparam && !HasReparam)
            throw new NotSupportedException($"{Describe()} cannot draw reparameterized samples ({DistributionName} has no reparameterization); use reparam: false.");
        if (batchN is <= 0) throw new ArgumentOutOfRangeException(nameof(batchN), $"{Describe()}: batchN must be positive, got {batchN}.");
        foreach (var variable in InputVar) Require(inputs, variable);
        var drawn = Draw(inputs, new SampleRequest(batchN, sampleShape ?? Array.Empty<long>(), reparam));
        return returnAll ? inputs.Merge(drawn) : drawn;
    }

    /// <summary>Why this distribution has no sampler (a custom density's), or null when it draws.</summary>
    protected internal virtual string? CannotSampleReason => null;

    /// <summary>Draws the variables of <see cref="Var"/> only (inputs already checked).</summary>
    protected internal abstract Variables Draw(Variables inputs, SampleRequest request);

    /// <summary>log p(var | cond_var) of the values in <paramref name="inputs"/>, summed over feature dimensions unless <paramref name="sumFeatures"/> is false.</summary>
    public abstract Tensor LogProb(Variables inputs, bool sumFeatures = true);

    /// <summary>p(var | cond_var): the exponential of <see cref="LogProb"/>.</summary>
    public Tensor Prob(Variables inputs, bool sumFeatures = true) => LogProb(inputs, sumFeatures).exp();

    /// <summary>The entropy given the conditioning variables, summed over feature dimensions, where the family has a closed form.</summary>
    public virtual Tensor Entropy(Variables inputs) =>
        throw new NotSupportedException($"{Describe()} has no closed-form entropy; estimate it with a Monte Carlo entropy loss.");

    /// <summary>The mean of the variable given the conditioning variables.</summary>
    public virtual Tensor SampleMean(Variables inputs) =>
        throw new NotSupportedException($"{Describe()} has no mean.");

    /// <summary>The variance of the variable given the conditioning variables.</summary>
    public virtual Tensor SampleVariance(Variables inputs) =>
        throw new NotSupportedException($"{Describe()} has no variance.");

    /// <summary>The family parameters given the conditioning variables, by parameter name (Pixyz's <c>get_params</c>).</summary>
    public virtual Variables GetParams(Variables inputs) =>
        throw new NotSupportedException($"{Describe()} has no parameters to report.");

    /// <summary>The value of <paramref name="variable"/>, or an error that names this distribution, the variable and what was given.</summary>
    protected internal Tensor Require(Variables inputs, string variable)
    {
        if (inputs.TryGetValue(variable, out var value)) return value;
        throw new ArgumentException(
            $"{Describe()}: variable '{variable}' is missing; it needs [{string.Join(", ", InputVar)}] and was given [{string.Join(", ", inputs.Keys)}].",
            variable);
    }

    /// <summary>The signature and class, for messages: <c>q(z|x) (Encoder)</c>.</summary>
    protected internal string Describe() => $"{ProbText} ({GetType().Name})";

    /// <summary>
    /// Checks that a value of <paramref name="variable"/> with <paramref name="valueShape"/> fits parameters of
    /// <paramref name="parameterShape"/>: equal feature dimensions and broadcastable batch dimensions.
    /// Throws naming the distribution, the variable and both shapes.
    /// </summary>
    protected internal void CheckShape(string variable, long[] valueShape, long[] parameterShape)
    {
        if (ShapesFit(valueShape, parameterShape)) return;
        throw new ArgumentException(
            $"{Describe()}: variable '{variable}' has shape {Format(valueShape)} but the distribution's parameters have shape " +
            $"{Format(parameterShape)} (feature shape {Format(parameterShape.Skip(Math.Max(0, parameterShape.Length - FeatureRank)).ToArray())}).",
            variable);
    }

    private bool ShapesFit(long[] value, long[] parameters)
    {
        if (value.Length < FeatureRank || parameters.Length < FeatureRank) return false;
        for (var i = 1; i <= Math.Max(value.Length, parameters.Length); i++)
        {
            var v = i <= value.Length ? value[^i] : 1;
            var p = i <= parameters.Length ? parameters[^i] : 1;
            var isFeature = i <= FeatureRank;
            if (isFeature ? v != p : v != p && v != 1 && p != 1) return false;
        }
        return true;
    }

    internal static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
