using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A joint with some variables integrated out (Pixyz's <c>MarginalizeVarDistribution</c>):
/// <c>(p(x|z) * p(z)).MarginalizeVar("z")</c> is p(x) = ∫ p(x|z) p(z) dz. Sampling draws every variable and drops
/// the marginalized ones; the marginal density has no closed form, so <see cref="LogProb"/> throws.
/// </summary>
public sealed class MarginalizeVarDistribution : Distribution
{
    // Registered once, as "p" (Pixyz's name): TorchSharp's component registration would add the field under its own name too.
    [TorchSharp.Utils.ComponentName(Name = "p")]
    private readonly Distribution joint;
    private readonly string[] marginalized;

    /// <summary>The joint with <paramref name="marginalize"/> integrated out: draws keep the other variables; it has no closed-form density.</summary>
    public MarginalizeVarDistribution(Distribution joint, params string[] marginalize)
        : base(Remaining(joint, marginalize), joint.CondVar, joint.Name, null)
    {
        this.joint = joint;
        marginalized = marginalize.ToArray();
        register_module("p", joint);
    }

    /// <summary>The variables integrated out.</summary>
    public IReadOnlyList<string> Marginalized => marginalized;

    /// <inheritdoc/>
    public override string DistributionName => joint.DistributionName;

    /// <inheritdoc/>
    public override bool HasReparam => joint.HasReparam;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => joint.InputVar;

    /// <inheritdoc/>
    public override string ProbFactorizedText => $"{Integrals}{joint.ProbFactorizedText}{string.Concat(marginalized.Select(v => "d" + v))}";

    /// <inheritdoc/>
    protected internal override string LatexFactorization => $"{Integrals}{joint.LatexFactorization}{string.Concat(marginalized.Select(v => "d" + Latex.Symbol(v)))}";

    // One integral sign per marginalized variable, as Pixyz prints: \int \int p(x|z,w)p(z)p(w)dzdw.
    private string Integrals => string.Concat(marginalized.Select(_ => "\\int "));

    /// <inheritdoc/>
    internal override IEnumerable<PrintedFactor> PrintedFactors => joint.PrintedFactors;

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request) => joint.Draw(inputs, request).Only(Var);

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true) =>
        throw new NotSupportedException($"{ProbText}: the density with [{string.Join(", ", marginalized)}] marginalized out has no closed form; use an importance-weighted bound.");

    private static string[] Remaining(Distribution joint, string[] marginalize)
    {
        ArgumentNullException.ThrowIfNull(joint);
        if (marginalize.Length == 0) throw new ArgumentException($"MarginalizeVar: name at least one variable of {joint.ProbText}.", nameof(marginalize));
        foreach (var variable in marginalize)
        {
            if (!joint.Var.Contains(variable))
                throw new ArgumentException($"MarginalizeVar: '{variable}' is not a generated variable of {joint.ProbText} (those are [{string.Join(", ", joint.Var)}]).", nameof(marginalize));
        }
        var remaining = joint.Var.Where(v => !marginalize.Contains(v)).ToArray();
        return remaining.Length > 0
            ? remaining
            : throw new ArgumentException($"MarginalizeVar: marginalizing every variable of {joint.ProbText} leaves nothing.", nameof(marginalize));
    }
}
