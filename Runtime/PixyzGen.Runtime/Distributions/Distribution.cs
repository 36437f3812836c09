using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Base of every distribution: a TorchSharp module (it may hold networks) with a signature such as <c>p(x|z)</c>
/// and a feature shape. Log-densities sum over the trailing feature dimensions, so they have the batch shape.
/// </summary>
public abstract class Distribution : nn.Module
{
    private readonly long[]? featureShape;

    /// <param name="moduleName">The TorchSharp module name (used in state dictionaries).</param>
    /// <param name="features">The shape of one draw, without batch dimensions; null means vectors of any length.</param>
    protected Distribution(string moduleName, long[]? features) : base(moduleName)
    {
        featureShape = features?.ToArray();
    }

    /// <summary>The family, as Pixyz prints it: Normal, Bernoulli, ...</summary>
    public abstract string DistributionName { get; }

    /// <summary>Whether samples can be reparameterized (gradients flow through <c>RSample</c>).</summary>
    public abstract bool HasReparam { get; }

    /// <summary>The signature this distribution was declared with; generated code overrides it from <see cref="DistributionAttribute"/>.</summary>
    protected virtual DistributionSignature DeclaredSignature => DefaultSignature;

    private static readonly DistributionSignature DefaultSignature = new("p", new[] { "x" }, Array.Empty<string>());

    public string Name => DeclaredSignature.Name;

    public IReadOnlyList<string> Var => DeclaredSignature.Var;

    public IReadOnlyList<string> CondVar => DeclaredSignature.CondVar;

    /// <summary>Pixyz's <c>prob_text</c>: <c>p(x|z)</c>.</summary>
    public string ProbText => DeclaredSignature.ToString();

    /// <summary>The declared shape of one draw, or null when only its rank (1) is known.</summary>
    public IReadOnlyList<long>? FeatureShape => featureShape;

    /// <summary>How many trailing dimensions are features (summed by log-densities).</summary>
    public int FeatureRank => featureShape?.Length ?? 1;

    /// <summary>Sum of an element-wise quantity over the feature dimensions: the result has the batch shape.</summary>
    protected internal Tensor SumFeatures(Tensor elementwise) => FeatureDims.Sum(elementwise, FeatureRank);

    /// <summary>
    /// Checks that a value of <paramref name="variable"/> with <paramref name="valueShape"/> fits parameters of
    /// <paramref name="parameterShape"/>: equal feature dimensions and broadcastable batch dimensions.
    /// Throws naming the distribution, the variable and both shapes.
    /// </summary>
    protected internal void CheckShape(string variable, long[] valueShape, long[] parameterShape)
    {
        if (ShapesFit(valueShape, parameterShape)) return;
        throw new ArgumentException(
            $"{ProbText} ({GetType().Name}): variable '{variable}' has shape {Format(valueShape)} but the distribution's parameters have shape " +
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

    /// <summary>Pixyz's printed form: the signature, the family and the network.</summary>
    public override string ToString() =>
        $"Distribution:\n  {ProbText} ({DistributionName})\nNetwork architecture:\n  {GetType().Name}(name={GetName()})";
}
