using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>A loss over one or two distributions; tracks them for models and for input variables.</summary>
public abstract class DistributionLoss : Loss
{
    private readonly Distribution[] distributions;

    /// <summary>A loss over <paramref name="distributions"/>, whose parameters a model trains.</summary>
    protected DistributionLoss(params Distribution[] distributions)
    {
        foreach (var d in distributions) ArgumentNullException.ThrowIfNull(d, nameof(distributions));
        this.distributions = distributions;
    }

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => distributions;

    /// <summary>
    /// Draws from <paramref name="p"/> given <paramref name="inputs"/>: reparameterized when it can be, with a leading sample
    /// dimension only when more than one draw is asked for; inside a formula read at run time, shared with the formula's
    /// other terms that draw the same (<see cref="SharedDraws"/>).
    /// </summary>
    protected static Variables Draw(Distribution p, Variables inputs, int samples) =>
        SharedDraws.Get(p, inputs, samples, () => p.Sample(inputs, sampleShape: samples == 1 ? null : new long[] { samples }, reparam: p.HasReparam));

    /// <summary>The mean over the leading sample dimension when several draws were taken.</summary>
    protected static Tensor MeanOverSamples(Tensor value, int samples) => samples == 1 ? value : value.mean(new long[] { 0 });

    /// <summary>
    /// A draw count given with the inputs under <paramref name="name"/> (a scalar tensor, as Pixyz's Parameter): the DSL's
    /// <c>E_q^k</c> and <c>IWAE_k</c> with <c>k</c> given at each evaluation.
    /// </summary>
    protected static int SamplesFrom(Variables inputs, string name)
    {
        using var asDouble = inputs[name].to_type(TorchSharp.torch.ScalarType.Float64);
        var value = asDouble.item<double>();
        return value >= 1 && value <= int.MaxValue && Math.Floor(value) == value
            ? (int)value
            : throw new ArgumentOutOfRangeException(name, value, $"The draw count '{name}' must be a whole number of at least 1.");
    }

    /// <summary>Checks a Monte Carlo sample count.</summary>
    protected static int CheckSamples(int samples) =>
        samples >= 1 ? samples : throw new ArgumentOutOfRangeException(nameof(samples), "A Monte Carlo estimate needs at least one sample.");

    /// <summary>
    /// What a term that draws from <paramref name="drawn"/> and scores with <paramref name="scored"/> needs from the
    /// caller: the inputs of the first, and every variable of the second that the draw does not supply.
    /// </summary>
    protected static IReadOnlyList<string> InputsWhenScoringDraws(Distribution drawn, Distribution scored) =>
        Union(drawn.InputVar, InputsGiven(drawn, scored.AllVar.Concat(scored.InputVar)));

    /// <summary>-E_drawn[log scored] over <paramref name="samples"/> draws, and the draws.</summary>
    protected static (Tensor Value, Variables Samples) NegativeExpectedLogProb(Distribution drawn, Distribution scored, Variables inputs, int samples)
    {
        var values = Draw(drawn, inputs, samples);
        return (MeanOverSamples(-scored.LogProb(values), samples), NewIn(values, inputs));
    }

    /// <summary>Variables a distribution sampled inside the loss does not need from the caller.</summary>
    protected static IReadOnlyList<string> InputsGiven(Distribution sampled, IEnumerable<string> needed) =>
        needed.Where(v => !sampled.Var.Contains(v)).ToArray();
}

/// <summary>log p(var | cond_var) of given values (Pixyz's <c>LogProb</c>; <c>p.LogProbLoss()</c>).</summary>
public sealed class LogProb(Distribution p, bool sumFeatures = true) : DistributionLoss(p)
{
    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; } = p;
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => P.AllVar.Concat(P.InputVar).Distinct().ToArray();
    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (P.LogProb(inputs, sumFeatures), Variables.Empty);
    /// <inheritdoc/>
    public override string ToString() => $"log {P.ProbText}";
    /// <inheritdoc/>
    public override string ToLatex() => $"\\log {P.ToLatexSignature()}";
}

/// <summary>p(var | cond_var) of given values (Pixyz's <c>Prob</c>).</summary>
public sealed class Prob(Distribution p, bool sumFeatures = true) : DistributionLoss(p)
{
    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; } = p;
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => P.AllVar.Concat(P.InputVar).Distinct().ToArray();
    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (P.Prob(inputs, sumFeatures), Variables.Empty);
    /// <inheritdoc/>
    public override string ToString() => $"exp(log {P.ProbText})";
    /// <inheritdoc/>
    public override string ToLatex() => P.ToLatexSignature();
}

/// <summary>Negative log-likelihood -log p(x) of given values.</summary>
public sealed class NLL(Distribution p) : DistributionLoss(p)
{
    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; } = p;
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => P.AllVar.Concat(P.InputVar).Distinct().ToArray();
    /// <inheritdoc/>
    protected internal override int Precedence => 2;
    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (-P.LogProb(inputs), Variables.Empty);
    /// <inheritdoc/>
    public override string ToString() => $"-log {P.ProbText}";
    /// <inheritdoc/>
    public override string ToLatex() => $"-\\log {P.ToLatexSignature()}";
}

/// <summary>Losses built from distributions, Pixyz style: <c>p.LogProbLoss()</c>.</summary>
public static class DistributionLossExtensions
{
    /// <summary>Pixyz's <c>p.log_prob()</c>: the log-density as a loss.</summary>
    public static LogProb LogProbLoss(this Distribution p, bool sumFeatures = true) => new(p, sumFeatures);

    /// <summary>Pixyz's <c>p.prob()</c>: the density as a loss.</summary>
    public static Prob ProbLoss(this Distribution p, bool sumFeatures = true) => new(p, sumFeatures);

    /// <summary>The signature alone in LaTeX (<see cref="Distribution.ToLatex"/> adds a joint's factorization).</summary>
    internal static string ToLatexSignature(this Distribution p) => p.EffectiveSignature.ToLatex();
}
