using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A margin loss that pulls together the codes two encoders give one example and pushes apart codes of different
/// examples (Leidai et al., modality-invariant representations): relu(margin - cos(z1, z2) + cos(z1, z2[perm])) per
/// batch element, with z drawn from each encoder and perm a random permutation of the batch.
/// </summary>
public sealed class SimilarityLoss : DistributionLoss
{
    /// <summary>The hinge on cosine similarities of <paramref name="var"/> drawn from <paramref name="p1"/> and <paramref name="p2"/>, against shuffled pairs, with <paramref name="margin"/>.</summary>
    public SimilarityLoss(Distribution p1, Distribution p2, string var = "z", double margin = 0) : base(p1, p2)
    {
        P1 = p1;
        P2 = p2;
        Var = var;
        Margin = margin;
        foreach (var p in new[] { p1, p2 })
        {
            if (!p.Var.Contains(var)) throw new ArgumentException($"SimilarityLoss: {p.ProbText} does not generate '{var}'.", nameof(var));
        }
    }

    /// <summary>The first encoder.</summary>
    public Distribution P1 { get; }

    /// <summary>The second encoder.</summary>
    public Distribution P2 { get; }

    /// <summary>The variable whose codes are compared.</summary>
    public string Var { get; }

    /// <summary>The margin of the hinge.</summary>
    public double Margin { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(P1.InputVar, P2.InputVar);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var z1 = P1.Sample(inputs, reparam: P1.HasReparam, returnAll: false)[Var].flatten(1);
        var z2 = P2.Sample(inputs, reparam: P2.HasReparam, returnAll: false)[Var].flatten(1);
        var shuffled = z2.index_select(0, randperm(z2.Sizes()[0], device: z2.device));
        var positive = nn.functional.cosine_similarity(z1, z2, 1);
        var negative = nn.functional.cosine_similarity(z1, shuffled, 1);
        return (nn.functional.relu(-positive + negative + Margin), Variables.Empty);
    }

    /// <inheritdoc/>
    public override string ToString() => $"similarity({P1.ProbText}, {P2.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"L_{{sim}} \\left({P1.ToLatexSignature()}, {P2.ToLatexSignature()} \\right)";
}

/// <summary>
/// The contrastive loss of "Disentangling by Partitioning" (Siddharth et al.): with sim(a, b) = exp(-|a - b|) on the
/// encoders' means, relu(margin - sim(m1, m2) + sim(m1, m2[perm])) + relu(margin - sim(m1, m2) + sim(m1[perm], m2))
/// per batch element, perm a random permutation of the batch.
/// </summary>
public sealed class MultiModalContrastivenessLoss : DistributionLoss
{
    /// <summary>The contrastive hinge between the codes of <paramref name="p1"/> and <paramref name="p2"/>, against shuffled pairs, with <paramref name="margin"/>.</summary>
    public MultiModalContrastivenessLoss(Distribution p1, Distribution p2, double margin = 0.5) : base(p1, p2)
    {
        P1 = p1;
        P2 = p2;
        Margin = margin;
    }

    /// <summary>The first encoder.</summary>
    public Distribution P1 { get; }

    /// <summary>The second encoder.</summary>
    public Distribution P2 { get; }

    /// <summary>The margin of the hinge.</summary>
    public double Margin { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(P1.InputVar, P2.InputVar);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var m1 = P1.SampleMean(inputs).flatten(1);
        var m2 = P2.SampleMean(inputs).flatten(1);
        var permutation = randperm(m1.Sizes()[0], device: m1.device);
        var matched = Similarity(m1, m2);
        var first = nn.functional.relu(-matched + Similarity(m1, m2.index_select(0, permutation)) + Margin);
        var second = nn.functional.relu(-matched + Similarity(m1.index_select(0, permutation), m2) + Margin);
        return (first + second, Variables.Empty);
    }

    private static Tensor Similarity(Tensor a, Tensor b) => (-(a - b).square().sum(1).sqrt()).exp();

    /// <inheritdoc/>
    public override string ToString() => $"contrastive({P1.ProbText}, {P2.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"L_{{cont}} \\left({P1.ToLatexSignature()}, {P2.ToLatexSignature()} \\right)";
}
