using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Cross entropy -E_p[log q] by Monte Carlo over draws from p.</summary>
public class CrossEntropy : DistributionLoss
{
    /// <summary>-E_p[log q] over <paramref name="samples"/> draws of <paramref name="p"/>, scored by <paramref name="q"/>.</summary>
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
