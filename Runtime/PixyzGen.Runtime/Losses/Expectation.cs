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
    public Expectation(Distribution p, Loss inner, int samples = 1) : base(p)
    {
        P = p;
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Samples = CheckSamples(samples);
    }

    public Distribution P { get; }

    public Loss Inner { get; }

    public int Samples { get; }

    public override IReadOnlyList<string> InputVar => Union(P.InputVar, InputsGiven(P, Inner.InputVar));

    public override IEnumerable<Distribution> Distributions => base.Distributions.Concat(Inner.Distributions).Distinct();

    public override double Train(Variables inputs) => Inner.Train(inputs);

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var drawn = Draw(P, inputs, Samples);
        var (value, innerSamples) = Inner.Estimate(drawn);
        return (MeanOverSamples(value, Samples), NewIn(drawn, inputs).Merge(innerSamples));
    }

    public override string ToString() => $"E_{P.ProbText}{(Samples > 1 ? $"^{Samples}" : "")}[{Inner}]";

    public override string ToLatex() => $"\\mathbb{{E}}_{{{P.ToLatexSignature()}}} \\left[{Inner.ToLatex()} \\right]";
}

/// <summary>
/// KL(p || q): the closed form when the family pair has one (<see cref="KL.HasClosedForm(Distribution, Distribution)"/>),
/// otherwise (or with <c>analytic: false</c>) the Monte Carlo estimate over <c>samples</c> draws from p.
/// Refused when built if p and q are over different variables.
/// </summary>
public sealed class KullbackLeibler : DistributionLoss
{
    public KullbackLeibler(Distribution p, Distribution q, bool analytic = true, int samples = 1) : base(p, q)
    {
        if (!p.Var.SequenceEqual(q.Var))
            throw new ArgumentException($"KL({p.ProbText} || {q.ProbText}): the operands are over different variables [{string.Join(", ", p.Var)}] and [{string.Join(", ", q.Var)}].");
        P = p;
        Q = q;
        Analytic = analytic && KL.HasClosedForm(p, q);
        Samples = CheckSamples(samples);
    }

    public Distribution P { get; }

    public Distribution Q { get; }

    /// <summary>Whether the closed form is used.</summary>
    public bool Analytic { get; }

    public int Samples { get; }

    public override IReadOnlyList<string> InputVar => Union(P.InputVar, InputsGiven(P, Q.InputVar));

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        if (Analytic) return (KL.Divergence(P, Q, inputs), Variables.Empty);
        var drawn = Draw(P, inputs, Samples);
        return (MeanOverSamples(P.LogProb(drawn) - Q.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    public override string ToString() => $"KL({P.ProbText} || {Q.ProbText})";

    public override string ToLatex() => $"D_{{KL}} \\left[{P.ToLatexSignature()}||{Q.ToLatexSignature()} \\right]";
}

/// <summary>H[p]: the closed form where the family has one (<c>analytic: true</c>), else -E_p[log p] by Monte Carlo.</summary>
public sealed class Entropy : DistributionLoss
{
    public Entropy(Distribution p, bool analytic = true, int samples = 1) : base(p)
    {
        P = p;
        Analytic = analytic;
        Samples = CheckSamples(samples);
    }

    public Distribution P { get; }

    public bool Analytic { get; }

    public int Samples { get; }

    public override IReadOnlyList<string> InputVar => P.InputVar;

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        if (Analytic) return (P.Entropy(inputs), Variables.Empty);
        var drawn = Draw(P, inputs, Samples);
        return (MeanOverSamples(-P.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    public override string ToString() => $"H[{P.ProbText}]";

    public override string ToLatex() => $"H \\left[ {P.ToLatexSignature()} \\right]";
}

/// <summary>Cross entropy -E_p[log q] by Monte Carlo over draws from p.</summary>
public sealed class CrossEntropy : DistributionLoss
{
    public CrossEntropy(Distribution p, Distribution q, int samples = 1) : base(p, q)
    {
        P = p;
        Q = q;
        Samples = CheckSamples(samples);
    }

    public Distribution P { get; }

    public Distribution Q { get; }

    public int Samples { get; }

    public override IReadOnlyList<string> InputVar => Union(P.InputVar, InputsGiven(P, Q.AllVar.Concat(Q.InputVar)));

    protected internal override int Precedence => 2;

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var drawn = Draw(P, inputs, Samples);
        return (MeanOverSamples(-Q.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    public override string ToString() => $"-E_{P.ProbText}[log {Q.ProbText}]";

    public override string ToLatex() => $"-\\mathbb{{E}}_{{{P.ToLatexSignature()}}} \\left[\\log {Q.ToLatexSignature()} \\right]";
}

/// <summary>Reconstruction loss -E_q(z|x)[log p(x|z)] by Monte Carlo over draws from the encoder.</summary>
public sealed class StochasticReconstructionLoss : DistributionLoss
{
    public StochasticReconstructionLoss(Distribution encoder, Distribution decoder, int samples = 1) : base(encoder, decoder)
    {
        Encoder = encoder;
        Decoder = decoder;
        Samples = CheckSamples(samples);
    }

    public Distribution Encoder { get; }

    public Distribution Decoder { get; }

    public int Samples { get; }

    public override IReadOnlyList<string> InputVar => Union(Encoder.InputVar, InputsGiven(Encoder, Decoder.AllVar.Concat(Decoder.InputVar)));

    protected internal override int Precedence => 2;

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var drawn = Draw(Encoder, inputs, Samples);
        return (MeanOverSamples(-Decoder.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    public override string ToString() => $"-E_{Encoder.ProbText}[log {Decoder.ProbText}]";

    public override string ToLatex() => $"-\\mathbb{{E}}_{{{Encoder.ToLatexSignature()}}} \\left[\\log {Decoder.ToLatexSignature()} \\right]";
}
