using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A distribution with variables renamed (Pixyz's <c>ReplaceVarDistribution</c>): <c>p(x|z).ReplaceVar(("z", "y"))</c>
/// is <c>p(x|y)</c> over the same parameters and networks.
/// </summary>
public sealed class ReplaceVarDistribution : Distribution
{
    // Registered once, as "p" (Pixyz's name): TorchSharp's component registration would add the field under its own name too.
    [TorchSharp.Utils.ComponentName(Name = "p")]
    private readonly Distribution inner;
    private readonly Dictionary<string, string> forward;
    private readonly Dictionary<string, string> backward;

    /// <summary><paramref name="inner"/> with its variables renamed by <paramref name="replace"/> (old name to new), over the same parameters and networks.</summary>
    public ReplaceVarDistribution(Distribution inner, IReadOnlyDictionary<string, string> replace)
        : base(Renamed(inner.Var, replace, inner), Renamed(inner.CondVar, replace, inner), inner.Name, inner.FeatureShape?.ToArray())
    {
        if (inner is MultiplyDistribution)
            throw new ArgumentException($"ReplaceVar: rename the factors of {inner.ProbText} before multiplying them.", nameof(inner));
        foreach (var from in replace.Keys)
        {
            if (!inner.AllVar.Contains(from))
                throw new ArgumentException($"ReplaceVar: {inner.ProbText} has no variable '{from}' (it has [{string.Join(", ", inner.AllVar)}]).", nameof(replace));
        }
        this.inner = inner;
        forward = new Dictionary<string, string>(replace);
        backward = replace.ToDictionary(kv => kv.Value, kv => kv.Key);
        register_module("p", inner);
    }

    /// <summary>The distribution under the new names.</summary>
    public Distribution Inner => inner;

    /// <inheritdoc/>
    public override string DistributionName => inner.DistributionName;

    /// <inheritdoc/>
    public override bool HasReparam => inner.HasReparam;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => inner.InputVar.Select(Rename).ToArray();

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => inner.FeatureRank;

    /// <summary>The inner distribution's blocks under the new names: <c>p(w|y) -&gt; p(z|y)</c>.</summary>
    internal override IEnumerable<PrintedFactor> PrintedFactors => inner.PrintedFactors.Select(f =>
        f with { Signature = new DistributionSignature(f.Signature.Name, f.Signature.Var.Select(Rename).ToArray(), f.Signature.CondVar.Select(Rename).ToArray()) });

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request) =>
        inner.Draw(ToInner(inputs), request).Rename(forward);

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true) => inner.LogProb(ToInner(inputs), sumFeatures);

    /// <inheritdoc/>
    public override Tensor Entropy(Variables inputs) => inner.Entropy(ToInner(inputs));

    /// <inheritdoc/>
    public override Tensor SampleMean(Variables inputs) => inner.SampleMean(ToInner(inputs));

    /// <inheritdoc/>
    public override Tensor SampleVariance(Variables inputs) => inner.SampleVariance(ToInner(inputs));

    /// <inheritdoc/>
    public override Variables GetParams(Variables inputs) => inner.GetParams(ToInner(inputs));

    // Inputs under new names go in under the inner names; names the inner distribution does not know pass through.
    private Variables ToInner(Variables inputs) => inputs.Without(forward.Keys).Rename(backward);

    private string Rename(string variable) => forward.TryGetValue(variable, out var to) ? to : variable;

    private static string[] Renamed(IReadOnlyList<string> variables, IReadOnlyDictionary<string, string> replace, Distribution inner)
    {
        ArgumentNullException.ThrowIfNull(replace);
        var renamed = variables.Select(v => replace.TryGetValue(v, out var to) ? to : v).ToArray();
        var all = inner.AllVar.Select(v => replace.TryGetValue(v, out var to) ? to : v).ToList();
        var clash = all.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"ReplaceVar: renaming would make two variables of {inner.ProbText} both '{clash.Key}'.", nameof(replace));
        return renamed;
    }
}
