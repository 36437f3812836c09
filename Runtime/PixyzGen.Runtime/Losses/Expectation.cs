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
    /// <summary>Builds a <see cref="Expectation"/>; the class summary gives its formula and arguments.</summary>
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

/// <summary>
/// KL(p || q): the closed form when the family pair has one (<see cref="KL.HasClosedForm(Distribution, Distribution)"/>),
/// otherwise (or with <c>analytic: false</c>) the Monte Carlo estimate over <c>samples</c> draws from p.
/// Refused when built if p and q are over different variables.
/// </summary>
public sealed class KullbackLeibler : DistributionLoss
{
    /// <summary>Builds a <see cref="KullbackLeibler"/>; the class summary gives its formula and arguments.</summary>
    public KullbackLeibler(Distribution p, Distribution q, bool analytic = true, int samples = 1) : base(p, q)
    {
        Distribution.RequireSameVariables(p, q, "KL");
        P = p;
        Q = q;
        Analytic = analytic && KL.HasClosedForm(p, q);
        Samples = CheckSamples(samples);
    }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <summary>Whether the closed form is used.</summary>
    public bool Analytic { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(P.InputVar, InputsGiven(P, Q.InputVar));

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        if (Analytic) return (KL.Divergence(P, Q, inputs), Variables.Empty);
        var drawn = Draw(P, inputs, Samples);
        return (MeanOverSamples(P.LogProb(drawn) - Q.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    /// <inheritdoc/>
    public override string ToString() => $"KL({P.ProbText} || {Q.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"D_{{KL}} \\left[{P.ToLatexSignature()}||{Q.ToLatexSignature()} \\right]";
}

/// <summary>H[p]: the closed form where the family has one (<c>analytic: true</c>), else -E_p[log p] by Monte Carlo.</summary>
public sealed class Entropy : DistributionLoss
{
    /// <summary>Builds a <see cref="Entropy"/>; the class summary gives its formula and arguments.</summary>
    public Entropy(Distribution p, bool analytic = true, int samples = 1) : base(p)
    {
        P = p;
        Analytic = analytic;
        Samples = CheckSamples(samples);
    }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>Whether the closed form is used.</summary>
    public bool Analytic { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => P.InputVar;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        if (Analytic) return (P.Entropy(inputs), Variables.Empty);
        var drawn = Draw(P, inputs, Samples);
        return (MeanOverSamples(-P.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    /// <inheritdoc/>
    public override string ToString() => $"H[{P.ProbText}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"H \\left[ {P.ToLatexSignature()} \\right]";
}

/// <summary>Cross entropy -E_p[log q] by Monte Carlo over draws from p.</summary>
public sealed class CrossEntropy : DistributionLoss
{
    /// <summary>Builds a <see cref="CrossEntropy"/>; the class summary gives its formula and arguments.</summary>
    public CrossEntropy(Distribution p, Distribution q, int samples = 1) : base(p, q)
    {
        P = p;
        Q = q;
        Samples = CheckSamples(samples);
    }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => InputsWhenScoringDraws(P, Q);

    /// <inheritdoc/>
    protected internal override int Precedence => 2;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        return NegativeExpectedLogProb(P, Q, inputs, Samples);
    }

    /// <inheritdoc/>
    public override string ToString() => $"-E_{P.ProbText}[log {Q.ProbText}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"-\\mathbb{{E}}_{{{P.ToLatexSignature()}}} \\left[\\log {Q.ToLatexSignature()} \\right]";
}

/// <summary>Reconstruction loss -E_q(z|x)[log p(x|z)] by Monte Carlo over draws from the encoder.</summary>
public sealed class StochasticReconstructionLoss : DistributionLoss
{
    /// <summary>Builds a <see cref="StochasticReconstructionLoss"/>; the class summary gives its formula and arguments.</summary>
    public StochasticReconstructionLoss(Distribution encoder, Distribution decoder, int samples = 1) : base(encoder, decoder)
    {
        Encoder = encoder;
        Decoder = decoder;
        Samples = CheckSamples(samples);
    }

    /// <summary>The encoder q(z|x).</summary>
    public Distribution Encoder { get; }

    /// <summary>The decoder p(x|z).</summary>
    public Distribution Decoder { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => InputsWhenScoringDraws(Encoder, Decoder);

    /// <inheritdoc/>
    protected internal override int Precedence => 2;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        return NegativeExpectedLogProb(Encoder, Decoder, inputs, Samples);
    }

    /// <inheritdoc/>
    public override string ToString() => $"-E_{Encoder.ProbText}[log {Decoder.ProbText}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"-\\mathbb{{E}}_{{{Encoder.ToLatexSignature()}}} \\left[\\log {Decoder.ToLatexSignature()} \\right]";
}
