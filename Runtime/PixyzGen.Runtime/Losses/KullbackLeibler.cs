using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// KL(p || q): the closed form when the family pair has one (<see cref="KL.HasClosedForm(Distribution, Distribution)"/>),
/// otherwise (or with <c>analytic: false</c>) the Monte Carlo estimate over <c>samples</c> draws from p.
/// Refused when built if p and q are over different variables.
/// </summary>
public sealed class KullbackLeibler : DistributionLoss
{
    /// <summary>KL(<paramref name="p"/> || <paramref name="q"/>) over the same variables: the closed form when <paramref name="analytic"/> and the family pair has one, else a Monte Carlo estimate over <paramref name="samples"/> draws of p.</summary>
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
