using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A product of Gaussian experts with a prior, p(z|x,y) ∝ p(z) p(z|x) p(z|y) (Wu and Goodman's MVAE): the precision-
/// weighted Normal with precision 1/prior_var + sum_i 1/var_i and mean (sum_i mu_i / var_i + mu_0 / var_0) / precision.
/// Experts whose inputs are not given are left out, so the same object encodes any subset of modalities.
/// Being a Normal, it samples, scores and has the closed-form KL and entropy. Under <see cref="DistributionAttribute"/>
/// a derived class gets typed members whose inputs are optional: a missing modality is a <c>null</c> argument.
/// </summary>
public class NormalPoE : Normal
{
    private readonly FamilyDistribution<NormalParams> prior;
    private readonly FamilyDistribution<NormalParams>[] experts;

    /// <summary>Pixyz adds this to each variance before inverting it.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>The product of <paramref name="experts"/> and <paramref name="prior"/>; experts whose inputs are absent are left out.</summary>
    public NormalPoE(Normal prior, IReadOnlyList<Normal> experts, string name = "p")
        : base(Check(prior, experts).Var, experts.SelectMany(e => e.CondVar).Distinct().ToArray(), name, prior.FeatureShape?.ToArray())
    {
        this.prior = prior;
        this.experts = experts.ToArray();
        register_module("prior", prior);
        for (var i = 0; i < this.experts.Length; i++) register_module($"expert{i}", this.experts[i]);
    }

    /// <summary>Nothing is required: experts without their inputs are skipped.</summary>
    public override IReadOnlyList<string> InputVar => Array.Empty<string>();

    /// <inheritdoc/>
    public override string DistributionName => nameof(NormalPoE);

    /// <summary>A product of Gaussians is Gaussian: KL against a Normal uses the closed form.</summary>
    public override string KlFamily => nameof(Normal);

    /// <summary>The experts whose inputs are all present.</summary>
    public IEnumerable<Normal> Available(Variables inputs) =>
        experts.Where(e => e.InputVar.All(inputs.ContainsKey)).Cast<Normal>();

    /// <inheritdoc/>
    protected override NormalParams ParamsFor(Variables inputs) => ExpertParams(inputs, validate: true);

    /// <summary>
    /// The combined parameters of the prior and the experts whose inputs are given. The typed path (a generated class's
    /// <c>Params</c>) passes <paramref name="validate"/> false: like every typed call, it does not check parameter values
    /// on each call, and the dynamic API does.
    /// </summary>
    protected NormalParams ExpertParams(Variables inputs, bool validate)
    {
        var parameters = new List<NormalParams> { prior.ResolveParams(inputs, validate && prior.ValidateParameters) };
        parameters.AddRange(Available(inputs).Select(e => e.ResolveParams(inputs, validate && e.ValidateParameters)));
        return Combine(parameters);
    }

    /// <summary>The product of Gaussian experts given as parameters: Pixyz's <c>experts(loc, scale)</c>.</summary>
    public static NormalParams Combine(IReadOnlyList<NormalParams> parameters)
    {
        Tensor? precision = null, weightedMean = null;
        foreach (var p in parameters)
        {
            var t = (p.Scale.square() + Epsilon).reciprocal();
            precision = precision is null ? t : precision + t;
            weightedMean = weightedMean is null ? p.Loc * t : weightedMean + p.Loc * t;
        }
        if (precision is null || weightedMean is null) throw new ArgumentException("A product of experts needs at least one expert.", nameof(parameters));
        return new NormalParams(weightedMean / precision, precision.rsqrt());
    }

    private static Normal Check(Normal prior, IReadOnlyList<Normal> experts)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(experts);
        foreach (var expert in experts)
        {
            if (!expert.Var.SequenceEqual(prior.Var))
                throw new ArgumentException($"NormalPoE: expert {expert.ProbText} is over [{string.Join(", ", expert.Var)}] but the prior {prior.ProbText} is over [{string.Join(", ", prior.Var)}].", nameof(experts));
        }
        return prior;
    }
}
