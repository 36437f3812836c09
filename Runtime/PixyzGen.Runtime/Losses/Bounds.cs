using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The evidence lower bound E_q(z|x)[log p(x,z) - log q(z|x)], by Monte Carlo over draws from q.</summary>
public sealed class ELBO : DistributionLoss
{
    /// <summary>E_q[log p - log q] over <paramref name="samples"/> draws of <paramref name="approximateDist"/>, scored by the joint <paramref name="p"/>.</summary>
    public ELBO(Distribution p, Distribution approximateDist, int samples = 1) : base(p, approximateDist)
    {
        P = p;
        Q = approximateDist;
        Samples = CheckSamples(samples);
        Bounds.CheckPair(p, approximateDist, nameof(ELBO));
    }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <summary>Monte Carlo draws per evaluation.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => InputsWhenScoringDraws(Q, P);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var drawn = Draw(Q, inputs, Samples);
        return (MeanOverSamples(P.LogProb(drawn) - Q.LogProb(drawn), Samples), NewIn(drawn, inputs));
    }

    /// <inheritdoc/>
    public override string ToString() => $"E_{Q.ProbText}{(Samples > 1 ? $"^{Samples}" : "")}[log {P.ProbText} - log {Q.ProbText}]";

    /// <inheritdoc/>
    public override string ToLatex() => $"\\mathbb{{E}}_{{{Q.ToLatexSignature()}}} \\left[\\log \\frac{{{P.ToLatexSignature()}}}{{{Q.ToLatexSignature()}}} \\right]";
}

/// <summary>
/// The importance-weighted bound (Burda et al., 2016): log (1/k) sum_k p(x, z_k) / q(z_k|x) with z_k ~ q(z|x),
/// a log-mean-exp over k draws. It equals the ELBO for k = 1 and tightens towards log p(x) as k grows.
/// </summary>
public sealed class IWAE : DistributionLoss
{
    /// <summary>The importance-weighted bound with <paramref name="k"/> draws of <paramref name="approximateDist"/> scored by the joint <paramref name="p"/>.</summary>
    public IWAE(Distribution p, Distribution approximateDist, int k) : base(p, approximateDist)
    {
        P = p;
        Q = approximateDist;
        K = CheckSamples(k);
        Bounds.CheckPair(p, approximateDist, nameof(IWAE));
    }

    /// <summary>
    /// The importance-weighted bound with as many draws as the input <paramref name="k"/> holds at each evaluation (the
    /// DSL's <c>IWAE_k</c> with <c>k</c> given with the data).
    /// </summary>
    public IWAE(Distribution p, Distribution approximateDist, string k) : this(p, approximateDist, 1) =>
        KName = string.IsNullOrWhiteSpace(k) ? throw new ArgumentException("A draw count needs a name.", nameof(k)) : k;

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The second distribution of the formula.</summary>
    public Distribution Q { get; }

    /// <summary>The number of importance samples (when <see cref="KName"/> is null).</summary>
    public int K { get; }

    /// <summary>The input that gives the number of importance samples at each evaluation, or null when <see cref="K"/> is fixed.</summary>
    public string? KName { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        KName is null ? InputsWhenScoringDraws(Q, P) : Union(InputsWhenScoringDraws(Q, P), new[] { KName });

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var k = KName is null ? K : SamplesFrom(inputs, KName);
        var drawn = Draw(Q, inputs, k);
        var logWeights = P.LogProb(drawn) - Q.LogProb(drawn);
        var bound = k == 1 ? logWeights : logWeights.logsumexp(0) - Math.Log(k);
        return (bound, NewIn(drawn, inputs));
    }

    /// <inheritdoc/>
    public override string ToString() => $"IWAE_{KText}({P.ProbText} || {Q.ProbText})";

    /// <summary>The number of draws as the formula writes it: the count, or the name of the input that gives it.</summary>
    private string KText => KName ?? K.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToLatex() =>
        $"\\mathbb{{E}}_{{{Latex.Symbols(Q.Var)}_{{1:{KText}}} \\sim {Q.ToLatexSignature()}}} \\left[\\log \\frac{{1}}{{{KText}}} \\sum_{{k=1}}^{{{KText}}} \\frac{{{P.ToLatexSignature()}}}{{{Q.ToLatexSignature()}}} \\right]";
}

internal static class Bounds
{
    /// <summary>
    /// The approximate posterior must generate variables the joint knows: ones it generates, or ones it conditions on
    /// (a flat prior over them, as in M2's unlabelled bound ELBO(p(x|y), q(y|x)), which Pixyz accepts).
    /// </summary>
    public static void CheckPair(Distribution p, Distribution q, string bound)
    {
        var unknown = q.Var.Where(v => !p.Var.Contains(v) && !p.CondVar.Contains(v)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"{bound}: {q.ProbText} generates [{string.Join(", ", unknown)}], which the joint {p.ProbText} does not generate.");
    }
}
