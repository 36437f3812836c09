using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The posterior over a <see cref="MixtureModel"/>'s component, p(z|x) = p(x,z) / p(x) (Pixyz's
/// <c>PosteriorMixtureModel</c>). Unlike Pixyz's, it generates z (so <c>log p(z|x)</c> scores the component given as a
/// one-hot vector or an index, as the prior's values are) and it can be sampled. Under <see cref="DistributionAttribute"/>
/// a class deriving from it (<c>[Distribution("p(z|x)")]</c>) passes the mixture to this constructor.
/// </summary>
public class MixturePosterior : Distribution
{
    // Registered once, as "p" (Pixyz's name), so the mixture's parameters are not listed twice.
    [TorchSharp.Utils.ComponentName(Name = "p")]
    private readonly MixtureModel mixture;

    /// <summary>p(z|x) of <paramref name="mixture"/>, named <paramref name="name"/> (the mixture's name by default).</summary>
    public MixturePosterior(MixtureModel mixture, string? name = null)
        : base(new[] { (mixture ?? throw new System.ArgumentNullException(nameof(mixture))).HiddenVar }, mixture.Var.Concat(mixture.CondVar).ToArray(), name ?? mixture.Name, null)
    {
        this.mixture = mixture;
        // A declared signature ([Distribution]) must be the posterior's: the component given the mixture's variables.
        var expected = mixture.Var.Concat(mixture.CondVar).ToArray();
        if (Var.Count != 1 || Var[0] != mixture.HiddenVar || !CondVar.SequenceEqual(expected))
            throw new System.ArgumentException(
                $"{Describe()}: the posterior of {mixture.ProbText} generates its component '{mixture.HiddenVar}' given ({string.Join(",", expected)}).", nameof(mixture));
        register_module("p", mixture);
    }

    /// <summary>The mixture this is the posterior of.</summary>
    public MixtureModel Mixture => mixture;

    /// <inheritdoc/>
    public override string DistributionName => "Mixture Model (Posterior)";

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => mixture.Prior.OneHot ? 1 : 0;

    /// <summary>Pixyz's form: <c>p(z,x)/p(x)</c>.</summary>
    public override string ProbFactorizedText => $"{Name}({Var[0]},{string.Join(",", CondVar)})/{Name}({string.Join(",", CondVar)})";

    /// <inheritdoc/>
    protected internal override string LatexFactorization =>
        $"\\frac{{{Latex.Symbol(Name)}({Latex.Symbols(Var.Concat(CondVar))})}}{{{Latex.Symbol(Name)}({Latex.Symbols(CondVar)})}}";

    /// <summary>log p(z|x) of the component in the inputs (one-hot or index, as the prior's values), one value per row.</summary>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        var table = mixture.LogResponsibilities(inputs).movedim(new long[] { 0 }, new long[] { -1 });   // [batch..., K]
        var component = inputs[Var[0]];
        var index = mixture.Prior.OneHot ? component.argmax(-1) : component.to(ScalarType.Int64);
        return table.gather(-1, index.unsqueeze(-1).expand(Shapes.Concat(table.Sizes()[..^1], new long[] { 1 }))).squeeze(-1);
    }

    /// <summary>Components drawn from the responsibilities, valued as the prior's (one-hot or indices).</summary>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var responsibilities = mixture.Responsibilities(inputs);
        return Variables.Of((Var[0], mixture.Prior.SampleFrom(CategoricalParams.FromProbs(responsibilities), request.SampleShape)));
    }
}
