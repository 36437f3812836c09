using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The joint of several factors, <c>p(x,z) = p(x|z) p(z)</c> (Pixyz's <c>MultiplyDistribution</c>, built with
/// <c>a * b</c>). Sampling is ancestral in topological order; the log-density is the sum of the factors'.
/// Conflicting factors (<c>p(x|z) * p(x|y)</c>) and cycles (<c>p(x|z) * p(z|x)</c>) are rejected when built.
/// </summary>
public sealed class MultiplyDistribution : Distribution
{
    private readonly Distribution[] factors;
    private readonly IReadOnlyList<Distribution> order;
    private readonly IReadOnlyList<Distribution> printOrder;

    /// <summary>The joint of <paramref name="factors"/> (products among them are flattened); conflicting factors and cycles are refused here.</summary>
    public MultiplyDistribution(params Distribution[] factors)
        : this(Flatten(factors), null)
    {
    }

    private MultiplyDistribution(Distribution[] flat, string? name)
        : base(JointVar(flat), JointCondVar(flat), name ?? "p", null)
    {
        factors = flat;
        order = FactorGraph.Order(flat);
        printOrder = FactorGraph.PrintOrder(flat);
        for (var i = 0; i < flat.Length; i++) register_module($"factor{i}", flat[i]);
    }

    /// <summary>The factors in the order they were multiplied.</summary>
    public IReadOnlyList<Distribution> Factors => factors;

    /// <summary>The factors in sampling (topological) order.</summary>
    public IReadOnlyList<Distribution> SamplingOrder => order;

    /// <inheritdoc/>
    public override string DistributionName => nameof(MultiplyDistribution);

    /// <inheritdoc/>
    public override bool HasReparam => factors.All(f => f.HasReparam);

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        // An input another factor generates is internal; one a factor reads as its own variable (the empirical
        // distribution's data) still comes from outside.
        factors.SelectMany(f => f.InputVar.Where(v => f.Var.Contains(v) || !Var.Contains(v))).Distinct().ToArray();

    /// <summary>The factors children first, as Pixyz writes a joint: <c>p(x|z)p(z)</c> however they were multiplied.</summary>
    public override string ProbFactorizedText => string.Concat(printOrder.Reverse().Select(f => f.ProbFactorizedText));

    /// <inheritdoc/>
    protected internal override string LatexFactorization => string.Concat(printOrder.Reverse().Select(f => f.LatexFactorization));

    /// <summary>Parents first, as Pixyz lists a joint's network architecture.</summary>
    internal override IEnumerable<PrintedFactor> PrintedFactors => printOrder.SelectMany(f => f.PrintedFactors);

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var values = inputs;
        var generated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var factor in order)
        {
            // A factor fed by earlier draws inherits their sample shape and batch; one fed only by the caller's inputs
            // (or by nothing) gets the request as given.
            var fedByDraws = factor.InputVar.Any(generated.Contains);
            var drawn = factor.Draw(values, fedByDraws ? request with { BatchN = null, SampleShape = Array.Empty<long>() } : request);
            values = values.Merge(drawn);
            generated.UnionWith(factor.Var);
        }
        return values.Only(order.SelectMany(f => f.Var));  // in sampling order
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        if (!sumFeatures) throw new NotSupportedException($"{ProbText} = {ProbFactorizedText}: factors have different feature shapes; a joint log-density sums them.");
        Tensor? total = null;
        foreach (var factor in factors)
        {
            var term = factor.LogProb(inputs);
            total = total is null ? term : total + term;
        }
        return total!;
    }

    private static Distribution[] Flatten(IEnumerable<Distribution> factors) =>
        factors.SelectMany(f => f is MultiplyDistribution m ? m.factors : new[] { f ?? throw new ArgumentNullException(nameof(factors)) }).ToArray();

    private static string[] JointVar(Distribution[] flat) => flat.SelectMany(f => f.Var).Distinct().ToArray();

    private static string[] JointCondVar(Distribution[] flat)
    {
        var generated = new HashSet<string>(flat.SelectMany(f => f.Var));
        return flat.SelectMany(f => f.CondVar).Where(v => !generated.Contains(v)).Distinct().ToArray();
    }
}
