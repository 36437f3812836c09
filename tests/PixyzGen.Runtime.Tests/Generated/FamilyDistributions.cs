using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

// One generated distribution per Runtime family, each conditioned on c through a Forward that maps c to valid parameters.

[Distribution("p(v|c)")] public sealed partial class GNormal : Normal { private NormalParams Forward(Tensor c) => new(c, c.exp()); }

[Distribution("p(v|c)")] public sealed partial class GBernoulli : Bernoulli { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }

[Distribution("p(v|c)")] public sealed partial class GLaplace : Laplace { private LaplaceParams Forward(Tensor c) => new(c, c.exp()); }

[Distribution("p(v|c)")] public sealed partial class GGamma : Gamma { private GammaParams Forward(Tensor c) => new(c.exp() + 1, (c * 0.5).exp()); }

[Distribution("p(v|c)")] public sealed partial class GBeta : Beta { private BetaParams Forward(Tensor c) => new(c.exp() + 0.5, (-c).exp() + 0.5); }

[Distribution("p(v|c)")] public sealed partial class GDirichlet : Dirichlet { private DirichletParams Forward(Tensor c) => new(c.exp() + 0.5); }

[Distribution("p(v|c)")] public sealed partial class GCategorical : Categorical { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }

[Distribution("p(v|c)")] public sealed partial class GMultinomial() : Multinomial(totalCount: 5) { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }

[Distribution("p(v|c)")] public sealed partial class GRelaxedBernoulli() : RelaxedBernoulli(temperature: 0.7) { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }

[Distribution("p(v|c)")] public sealed partial class GRelaxedCategorical() : RelaxedCategorical(temperature: 0.7) { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }

[Distribution("p(v|c)")] public sealed partial class GFactorizedBernoulli : FactorizedBernoulli { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }
