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

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The loss evaluated at the draws (or wrapped by this operation).</summary>
    public Loss Inner { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(P.InputVar, InputsGiven(P, Inner.InputVar));

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => base.Distributions.Concat(Inner.Distributions).Distinct();

    /// <inheritdoc/>
    public override double Train(Variables inputs) => Inner.Train(inputs);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var drawn = Draw(P, inputs, Samples);
        var (value, innerSamples) = Inner.Estimate(drawn);
        return (MeanOverSamples(value, Samples), NewIn(drawn, inputs).Merge(innerSamples));
    }

    /// <inheritdoc/>
    public override string ToString() => $"E_{P.ProbText}{(Samples > 1 ? $"^{Samples}" : "")}[{Inner}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"\\mathbb{{E}}_{{{P.ToLatexSignature()}}} \\left[{Inner.ToLatex()} \\right]";
}
