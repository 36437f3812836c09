using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A distribution known only through its log-likelihood (Pixyz's <c>CustomLikelihoodDistribution</c> / <c>CustomProb</c>):
/// either a function of the variables, or a given tensor of likelihoods whose log is returned for values of
/// matching shape. It cannot be sampled; its input variables are its own variables. A function's result is summed past
/// the value's batch dimensions (<see cref="CustomDensity"/>), as Pixyz sums a <c>CustomProb</c>'s.
/// </summary>
public sealed class CustomLikelihoodDistribution : CustomDensity
{
    private readonly Func<Variables, Tensor>? logLikelihood;
    private readonly Tensor? likelihood;

    /// <summary>A distribution whose log-likelihood is computed by <paramref name="logLikelihood"/>.</summary>
    public CustomLikelihoodDistribution(Func<Variables, Tensor> logLikelihood, IReadOnlyList<string>? var = null, string name = "p")
        : base(var ?? new[] { "x" }, null, name)
    {
        this.logLikelihood = logLikelihood ?? throw new ArgumentNullException(nameof(logLikelihood));
    }

    /// <summary>A distribution whose likelihood values are given: <c>LogProb</c> is their log, one per batch element.</summary>
    public CustomLikelihoodDistribution(Tensor likelihood, IReadOnlyList<string>? var = null, string name = "p")
        : base(var ?? new[] { "x" }, null, name)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        if (!likelihood.ge(0).all().item<bool>()) throw new ArgumentOutOfRangeException(nameof(likelihood), $"{Describe()}: likelihoods must be non-negative.");
        this.likelihood = likelihood.detach().clone();
        register_buffer(nameof(likelihood), this.likelihood);
    }

    /// <inheritdoc/>
    protected override Tensor LogDensityFor(Variables values) => logLikelihood!(values);

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        if (logLikelihood is not null) return base.LogProb(inputs, sumFeatures);
        var value = Require(inputs, Var[0]);
        var given = get_buffer("likelihood")!;
        if (!Shapes.Equal(value.Sizes(), given.Sizes()))
            throw new ArgumentException($"{Describe()}: variable '{Var[0]}' has shape {Format(value.Sizes())} but the likelihood was given for shape {Format(given.Sizes())}.", Var[0]);
        var logs = given.log();
        return sumFeatures ? SumSamples(logs) : logs;
    }
}
