using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>H[p]: the closed form where the family has one (<c>analytic: true</c>), else -E_p[log p] by Monte Carlo.</summary>
public sealed class Entropy : DistributionLoss
{
    /// <summary>H[<paramref name="p"/>]: its closed form when <paramref name="analytic"/> and the family has one, else -E_p[log p] over <paramref name="samples"/> draws.</summary>
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
