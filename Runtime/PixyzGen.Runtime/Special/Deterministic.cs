using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A deterministic (degenerate) distribution: its variable is a function of its conditioning variables, e.g. a
/// network in a model's graph. Sampling evaluates the function (gradients flow); there is no density.
/// Give the function to the constructor or override <see cref="Forward"/>.
/// </summary>
public class Deterministic : Distribution
{
    private readonly Func<Variables, Tensor>? function;

    /// <summary>A deterministic distribution computed by <paramref name="function"/> from its conditioning variables.</summary>
    public Deterministic(Func<Variables, Tensor> function, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p")
        : base(var, condVar, name, null)
    {
        this.function = function ?? throw new ArgumentNullException(nameof(function));
    }

    /// <summary>A deterministic distribution whose value a network computes (<c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of Forward(Variables)).</summary>
    protected Deterministic(IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(var, condVar, name, features)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Deterministic);

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <summary>The value of the variable given the conditioning variables.</summary>
    protected virtual Tensor Forward(Variables inputs) =>
        function is not null ? function(inputs) : throw new InvalidOperationException($"{Describe()}: give a function to the constructor or override Forward.");

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var value = Forward(inputs);
        if (CondVar.Count == 0 && (request.BatchN is not null || request.SampleShape.Length > 0))
            value = value.expand(Shapes.Concat(Shapes.Concat(request.SampleShape, new[] { request.BatchN ?? 1 }), value.Sizes()));
        return Variables.Of((Var[0], value));
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true) =>
        throw new NotSupportedException($"{Describe()} is deterministic: it has no density.");

    /// <inheritdoc/>
    public override Tensor SampleMean(Variables inputs) => Forward(inputs);
}
