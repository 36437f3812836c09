using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Gmm;

/// <summary>p(x) = sum_z p(x|z) p_prior(z): the notebook's three Normal components under a categorical prior.</summary>
[Distribution("p(x)")]
public sealed partial class Mixture(IReadOnlyList<Distribution> components, Categorical prior) : MixtureModel(components, prior);

/// <summary>The notebook's p.posterior(): p(z|x), the component given the point.</summary>
[Distribution("p(z|x)")]
public sealed partial class Assignment(Mixture mixture) : MixturePosterior(mixture);

[Model("p(x) = p(x)")]
public sealed partial class GmmModel(Mixture mixture) : GenerativeModel
{
    public Mixture P { get; } = mixture;
    public Assignment Post { get; } = new(mixture);

    /// <summary>The notebook's p.log_prob().mean(): the average log-likelihood of the data.</summary>
    [Loss("mean(log p(x))")]
    public partial Tensor LogLikelihood(Tensor x);

    /// <summary>How undecided the assignments are: the posterior's entropy, estimated from one draw of z per point.</summary>
    [Loss("mean(E_p(z|x)[-log p(z|x)])")]
    public partial Tensor AssignmentEntropy(Tensor x);
}
