using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// E_p[L]: draws from <c>p</c> (reparameterized when possible) and evaluates the inner loss on the inputs together
/// with the draws; with several samples, the Monte Carlo mean over them.
/// </summary>
public sealed class Expectation : DistributionLoss
{
    /// <summary>E_p[<paramref name="inner"/>] over <paramref name="samples"/> draws of <paramref name="p"/> (reparameterized where possible).</summary>
    public Expectation(Distribution p, Loss inner, int samples = 1) : base(p)
    {
        P = p;
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Samples = CheckSamples(samples);
    }

    /// <summary>
    /// E_p[<paramref name="inner"/>] over as many draws of <paramref name="p"/> as the input <paramref name="samples"/>
    /// holds at each evaluation (the DSL's <c>E_p^k[...]</c> with <c>k</c> given with the data).
    /// </summary>
    public Expectation(Distribution p, Loss inner, string samples) : this(p, inner) =>
        SampleCount = string.IsNullOrWhiteSpace(samples) ? throw new ArgumentException("A draw count needs a name.", nameof(samples)) : samples;

    /// <summary>The input that gives the number of draws at each evaluation, or null when <see cref="Samples"/> is fixed.</summary>
    public string? SampleCount { get; }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The loss evaluated at the draws (or wrapped by this operation).</summary>
    public Loss Inner { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        Union(Union(P.InputVar, InputsGiven(P, Inner.InputVar)), SampleCount is null ? Array.Empty<string>() : new[] { SampleCount });

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => base.Distributions.Concat(Inner.Distributions).Distinct();

    /// <inheritdoc/>
    public override double Train(Variables inputs) => Inner.Train(inputs);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var samples = SampleCount is null ? Samples : SamplesFrom(inputs, SampleCount);
        var drawn = Draw(P, inputs, samples);
        var (value, innerSamples) = Inner.Estimate(drawn);
        return (MeanOverSamples(value, samples), NewIn(drawn, inputs).Merge(innerSamples));
    }

    /// <inheritdoc/>
    public override string ToString() => $"E_{P.ProbText}{(SampleCount is not null ? $"^{SampleCount}" : Samples > 1 ? $"^{Samples}" : "")}[{Inner}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"\\mathbb{{E}}_{{{P.ToLatexSignature()}}} \\left[{Inner.ToLatex()} \\right]";
}
