using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A finite mixture p(x) = sum_k pi_k p_k(x), with the mixing weights from a <see cref="Categorical"/> prior over the
/// hidden component variable (Pixyz's <c>MixtureModel</c>). The log-density marginalizes the component with a
/// log-sum-exp; sampling picks a component per batch element and can return it (<c>returnHidden</c>). Under
/// <see cref="DistributionAttribute"/> a class deriving from it passes its components and prior to this constructor and
/// gets typed <c>Sample</c>, <c>LogProb</c> and <c>Responsibilities</c>.
/// </summary>
public class MixtureModel : Distribution
{
    private readonly Distribution[] components;
    private readonly Categorical prior;

    /// <summary>sum_k pi_k p_k(x) with the components <paramref name="components"/> and the mixing weights of <paramref name="prior"/>, one class per component.</summary>
    public MixtureModel(IReadOnlyList<Distribution> components, Categorical prior, string name = "p")
        : base(Check(components, prior).Var, components[0].CondVar, name, components[0].FeatureShape?.ToArray())
    {
        this.components = components.ToArray();
        this.prior = prior;
        // A declared signature ([Distribution]) must be the components' own: the mixture reads their variable.
        if (!Var.SequenceEqual(components[0].Var) || !CondVar.SequenceEqual(components[0].CondVar))
            throw new ArgumentException($"{Describe()}: a mixture has its components' signature; they are {components[0].ProbText}.", nameof(components));
        if (Var.Contains(HiddenVar) || CondVar.Contains(HiddenVar))
            throw new ArgumentException($"{Describe()}: the prior's variable '{HiddenVar}' must differ from the mixture's variables.", nameof(prior));
        register_module("prior", prior);
        for (var i = 0; i < this.components.Length; i++) register_module($"component{i}", this.components[i]);
    }

    /// <summary>The mixture components, in the order of the prior's classes.</summary>
    public IReadOnlyList<Distribution> Components => components;

    /// <summary>The hidden component variable (the prior's variable).</summary>
    public string HiddenVar => prior.Var[0];

    /// <summary>When true, samples include the hidden component (an index or one-hot, as the prior's values).</summary>
    public bool ReturnHidden { get; set; }

    /// <inheritdoc/>
    public override string DistributionName => "Mixture Model";

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => components[0].FeatureRank;

    /// <summary>Pixyz's form: <c>p_0(x|z=0)prior(z=0) + p_1(x|z=1)prior(z=1) + ...</c>.</summary>
    public override string ProbFactorizedText => Terms(name => name);

    /// <inheritdoc/>
    protected internal override string LatexFactorization => Terms(Latex.Symbol);

    // One term per component: its density given the component's index, times the prior's weight of that index.
    private string Terms(Func<string, string> typeset)
    {
        var conditions = CondVar.Count == 0 ? "" : "," + string.Join(",", CondVar.Select(typeset));
        var hidden = typeset(HiddenVar);
        return string.Join(" + ", components.Select((c, i) =>
            $"{typeset(c.Name)}({string.Join(",", Var.Select(typeset))}|{hidden}={i}{conditions}){typeset(prior.Name)}({hidden}={i})"));
    }

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var drawn = components.Select(c => c.Draw(inputs, request)[Var[0]]).ToArray();
        var stacked = stack(drawn);                                    // [K, sample..., batch..., features...]
        var hiddenRequest = request with { BatchN = request.BatchN ?? (drawn[0].Dimensions > FeatureRank + request.SampleShape.Length ? drawn[0].Sizes()[request.SampleShape.Length] : 1) };
        var hidden = prior.Draw(Variables.Empty, hiddenRequest)[HiddenVar];
        var index = prior.OneHot ? hidden.argmax(-1) : hidden;           // [sample..., batch]
        var gather = index.reshape(Shapes.Concat(new long[] { 1 }, Shapes.Concat(index.Sizes(), Enumerable.Repeat(1L, FeatureRank).ToArray())))
            .expand(Shapes.Concat(new long[] { 1 }, stacked.Sizes()[1..]));
        var value = stacked.gather(0, gather).squeeze(0);
        var result = Variables.Of((Var[0], value));
        return ReturnHidden ? result.With(HiddenVar, hidden) : result;
    }

    /// <summary>log sum_k pi_k p_k(x).</summary>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true) => Joint(inputs, sumFeatures).logsumexp(0);

    /// <summary>
    /// The posterior over the component given x, p(z|x) = p(x,z) / p(x), as a distribution (Pixyz's <c>posterior()</c>):
    /// score components, draw them, or read <see cref="Responsibilities"/>.
    /// </summary>
    public MixturePosterior Posterior(string? name = null) => new(this, name ?? Name);

    /// <summary>p(z=k|x) for every component k (responsibilities), component dimension last.</summary>
    public Tensor Responsibilities(Variables inputs) => LogResponsibilities(inputs).exp().movedim(new long[] { 0 }, new long[] { -1 });

    /// <summary>log p(z=k|x), stacked over k in the first dimension (Pixyz's posterior log-probabilities).</summary>
    public Tensor LogResponsibilities(Variables inputs)
    {
        var joint = Joint(inputs, sumFeatures: true);
        return joint - joint.logsumexp(0, keepdim: true);
    }

    /// <summary>The prior over components, whose values (one-hot or indices) the posterior takes and draws.</summary>
    internal Categorical Prior => prior;

    // log pi_k + log p_k(x), stacked over k in the first dimension.
    private Tensor Joint(Variables inputs, bool sumFeatures)
    {
        if (!sumFeatures) throw new NotSupportedException($"{Describe()}: a mixture's density is over whole values; use sumFeatures: true.");
        var logWeights = prior.ResolveParams(Variables.Empty).LogProbs;      // [K]
        var terms = components.Select((c, k) => c.LogProb(inputs) + logWeights[k]).ToArray();
        return stack(terms);
    }

    private static Distribution Check(IReadOnlyList<Distribution> components, Categorical prior)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(prior);
        if (components.Count == 0) throw new ArgumentException("A mixture needs at least one component.", nameof(components));
        foreach (var c in components)
        {
            if (!c.Var.SequenceEqual(components[0].Var) || !c.CondVar.SequenceEqual(components[0].CondVar))
                throw new ArgumentException($"MixtureModel: component {c.ProbText} differs from {components[0].ProbText}; components share their variables.", nameof(components));
        }
        var classes = prior.ResolveParams(Variables.Empty).Classes;
        if (classes != components.Count)
            throw new ArgumentException($"MixtureModel: the prior {prior.ProbText} has {classes} classes for {components.Count} components.", nameof(prior));
        return components[0];
    }
}
