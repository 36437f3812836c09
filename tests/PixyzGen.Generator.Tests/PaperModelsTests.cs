using System.Linq;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>
/// Models from the papers Pixyz's examples reproduce, and one distribution per Runtime family: snapshots of what
/// the generator writes, each through the caching harness (second run cached, no Roslyn objects in the pipeline).
/// </summary>
public class PaperModelsTests
{
    private const string Usings = """
        using PixyzGen;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Papers;

        """;

    [Test]
    public void Every_family()
    {
        const string source = Usings + """
            [Distribution("p(v|c)")] public sealed partial class GNormal : Normal { private NormalParams Forward(Tensor c) => new(c, c.exp()); }
            [Distribution("p(v|c)")] public sealed partial class GBernoulli : Bernoulli { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }
            [Distribution("p(v|c)")] public sealed partial class GLaplace : Laplace { private LaplaceParams Forward(Tensor c) => new(c, c.exp()); }
            [Distribution("p(v|c)")] public sealed partial class GGamma : Gamma { private GammaParams Forward(Tensor c) => new(c.exp(), c.exp()); }
            [Distribution("p(v|c)")] public sealed partial class GBeta : Beta { private BetaParams Forward(Tensor c) => new(c.exp(), c.exp()); }
            [Distribution("p(v|c)")] public sealed partial class GDirichlet : Dirichlet { private DirichletParams Forward(Tensor c) => new(c.exp()); }
            [Distribution("p(v|c)")] public sealed partial class GCategorical : Categorical { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }
            [Distribution("p(v|c)")] public sealed partial class GMultinomial() : Multinomial(totalCount: 5) { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }
            [Distribution("p(v|c)")] public sealed partial class GRelaxedBernoulli() : RelaxedBernoulli(temperature: 0.5) { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }
            [Distribution("p(v|c)")] public sealed partial class GRelaxedCategorical() : RelaxedCategorical(temperature: 0.5) { private CategoricalParams Forward(Tensor c) => CategoricalParams.FromLogits(c); }
            [Distribution("p(v|c)")] public sealed partial class GFactorizedBernoulli : FactorizedBernoulli { private BernoulliParams Forward(Tensor c) => BernoulliParams.FromLogits(c); }
            [Distribution("p(w)")] public sealed partial class ConstantGamma() : Gamma(concentration: 2.0, rate: 1.0, features: [3]);
            [Distribution("d(v|c)")] public sealed partial class GDeterministic : Deterministic { private Tensor Forward(Tensor c) => c.tanh(); }
            [Distribution("q(v|c,b)")] public sealed partial class GProduct(GNormal fromC, BNormal fromB, ConstantNormal prior) : NormalPoE(prior, new Normal[] { fromC, fromB });
            [Distribution("q(v|b)")] public sealed partial class BNormal : Normal { private NormalParams Forward(Tensor b) => new(b, b.exp()); }
            [Distribution("p(v)")] public sealed partial class ConstantNormal() : Normal(loc: 0, scale: 1, features: [3]);
            [Distribution("f(v)")] public sealed partial class GFlow() : TransformedDistribution(new Normal(0.0, 1.0, var: new[] { "u" }, features: new long[] { 2 }), new FlowLayer[] { new PlanarLayer(2) });
            [Distribution("e(v|c)")] public sealed partial class GCustom : CustomDensity { private Tensor LogDensity(Tensor v, Tensor c) => -(v - c).square(); }
            [Distribution("m(v|c)")] public sealed partial class GMixture() : MixtureModel(new Distribution[] { new GNormal(), new GNormal() }, new Categorical(full(2, 0.5), var: new[] { "k" }));
            [Distribution("m(k|v,c)")] public sealed partial class GAssignment(GMixture mixture) : MixturePosterior(mixture);
            """;
        var generated = GeneratorHarness.Run(source);
        Assert.That(generated, Has.Count.EqualTo(20));
        foreach (var (hint, text) in generated.OrderBy(g => g.Key, System.StringComparer.Ordinal))
            Snapshot.Verify(text, nameof(PaperModelsTests), nameof(Every_family), hint);
    }

    [Test]
    public void Semi_supervised_M2()
    {
        // Kingma et al. (2014): q(y|x) classifies, q(z|x,y) encodes, p(x|y,z) decodes; p(y) and p(z) are priors.
        const string source = Usings + """
            [Distribution("q(y|x)")] public sealed partial class Classifier : Categorical
            {
                private readonly Module<Tensor, Tensor> net = Linear(784, 10);
                public Classifier() => RegisterComponents();
                private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.call(x));
            }
            [Distribution("q(z|x,y)")] public sealed partial class Encoder : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(794, 128);
                public Encoder() => RegisterComponents();
                private NormalParams Forward(Tensor x, Tensor y) { var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1); return new(h[0], functional.softplus(h[1])); }
            }
            [Distribution("p(x|y,z)")] public sealed partial class Decoder : Bernoulli
            {
                private readonly Module<Tensor, Tensor> net = Linear(74, 784);
                public Decoder() => RegisterComponents();
                private BernoulliParams Forward(Tensor y, Tensor z) => BernoulliParams.FromLogits(net.call(cat(new[] { y, z }, -1)));
            }
            [Distribution("p(y)")] public sealed partial class LabelPrior() : Categorical(probs: full(10, 0.1), features: [10]);
            [Distribution("p(z)")] public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [64]);

            [Model("p(x,y,z) = p(x|y,z) p(y) p(z)")]
            public sealed partial class M2 : GenerativeModel
            {
                public Classifier Qy { get; } = new();
                public Encoder Qz { get; } = new();
                public Decoder P { get; } = new();
                public LabelPrior Py { get; } = new();
                public Prior Pz { get; } = new();

                // Labelled data: the negative ELBO given x and y.
                [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)])")]
                public partial Tensor Labelled(Tensor x, Tensor y);

                // Unlabelled data: y drawn from the classifier, with its entropy.
                [Loss("mean(E_q(y|x)[KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|y,z) + log p(y)]] - H[q(y|x)])")]
                public partial Tensor Unlabelled(Tensor x);

                // The classification term, weighted by alpha.
                [Loss("-alpha * mean(log q(y|x))")]
                public partial Tensor Classification(Tensor x, Tensor y, double alpha);
            }
            """;
        var generated = GeneratorHarness.Run(source)["Papers.M2.Model.g.cs"];
        Snapshot.Verify(generated, nameof(PaperModelsTests), nameof(Semi_supervised_M2), "Papers.M2.Model.g.cs");
        Assert.That(generated, Does.Not.Contain("throw new"), "every loss of M2 is valid");
    }

    [Test]
    public void Multimodal_JMVAE()
    {
        // Suzuki et al. (2016): a joint encoder q(z|x,y), unimodal encoders q(z|x), q(z|y) and two decoders.
        const string source = Usings + """
            [Distribution("q(z|x,y)")] public sealed partial class JointEncoder : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(794, 128);
                public JointEncoder() => RegisterComponents();
                private NormalParams Forward(Tensor x, Tensor y) { var h = net.call(cat(new[] { x, y }, -1)).chunk(2, -1); return new(h[0], functional.softplus(h[1])); }
            }
            [Distribution("q(z|x)")] public sealed partial class ImageEncoder : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(784, 128);
                public ImageEncoder() => RegisterComponents();
                private NormalParams Forward(Tensor x) { var h = net.call(x).chunk(2, -1); return new(h[0], functional.softplus(h[1])); }
            }
            [Distribution("q(z|y)")] public sealed partial class LabelEncoder : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(10, 128);
                public LabelEncoder() => RegisterComponents();
                private NormalParams Forward(Tensor y) { var h = net.call(y).chunk(2, -1); return new(h[0], functional.softplus(h[1])); }
            }
            [Distribution("p(x|z)")] public sealed partial class ImageDecoder : Bernoulli
            {
                private readonly Module<Tensor, Tensor> net = Linear(64, 784);
                public ImageDecoder() => RegisterComponents();
                private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
            }
            [Distribution("p(y|z)")] public sealed partial class LabelDecoder : Categorical
            {
                private readonly Module<Tensor, Tensor> net = Linear(64, 10);
                public LabelDecoder() => RegisterComponents();
                private CategoricalParams Forward(Tensor z) => CategoricalParams.FromLogits(net.call(z));
            }
            [Distribution("p(z)")] public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [64]);

            [Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
            public sealed partial class Jmvae : GenerativeModel
            {
                public JointEncoder Q { get; } = new();
                public ImageEncoder Qx { get; } = new();
                public LabelEncoder Qy { get; } = new();
                public ImageDecoder Px { get; } = new();
                public LabelDecoder Py { get; } = new();
                public Prior Pz { get; } = new();

                // JMVAE-kl: the joint ELBO plus alpha times the KLs that pull the unimodal encoders to the joint one.
                [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z) + log p(y|z)] + alpha * (KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y))))")]
                public partial Tensor Loss(Tensor x, Tensor y, double alpha);
            }
            """;
        var generated = GeneratorHarness.Run(source)["Papers.Jmvae.Model.g.cs"].Replace("!.", ".");
        Snapshot.Verify(generated, nameof(PaperModelsTests), nameof(Multimodal_JMVAE), "Papers.Jmvae.Model.g.cs");
        Assert.That(generated.Split("Q.Params(").Length - 1, Is.EqualTo(1), "the joint encoder runs once for four terms");
    }

    [Test]
    public void Marginal_model()
    {
        // p(x) = p(x|z) p(z): Sample draws z and x and returns x alone; no joint LogProb (the marginal has no closed form).
        const string source = Usings + """
            [Distribution("p(x|z)")] public sealed partial class Decoder : Bernoulli
            {
                private readonly Module<Tensor, Tensor> net = Linear(8, 784);
                public Decoder() => RegisterComponents();
                private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
            }
            [Distribution("p(z)")] public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [8]);

            [Model("p(x) = p(x|z) p(z)")]
            public sealed partial class Marginal : GenerativeModel
            {
                public Decoder P { get; } = new();
                public Prior Pz { get; } = new();

                [Loss("-mean(log p(x|z) + log p(z))")]
                public partial Tensor NegativeJoint(Tensor x, Tensor z);
            }
            """;
        var generated = GeneratorHarness.Run(source)["Papers.Marginal.Model.g.cs"];
        Snapshot.Verify(generated, nameof(PaperModelsTests), nameof(Marginal_model), "Papers.Marginal.Model.g.cs");
        Assert.That(generated, Does.Contain("public global::TorchSharp.torch.Tensor Sample(long batchSize = 1)"));
        Assert.That(generated, Does.Not.Contain("LogProb(global::TorchSharp.torch.Tensor x)"));
        Assert.That(generated, Does.Contain("z [style=dashed]"));
    }

    [Test]
    public void Adversarial_objectives()
    {
        // A GAN as formulas: the generator's non-saturating JS objective and the discriminator's, plus a WGAN critic.
        const string source = Usings + """
            [Distribution("g(x|w)")] public sealed partial class Generator : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(2, 2);
                public Generator() => RegisterComponents();
                private NormalParams Forward(Tensor w) => new(net.call(w), full(2, 0.01f));
            }
            [Distribution("p(w)")] public sealed partial class Noise() : Normal(loc: 0, scale: 1, features: [2]);
            [Distribution("d(t|x)")] public sealed partial class Critic : Deterministic
            {
                private readonly Module<Tensor, Tensor> net = Linear(2, 1);
                public Critic() => RegisterComponents();
                private Tensor Forward(Tensor x) => net.call(x).sigmoid();
            }

            [Model("p(x) = g(x|w) p(w)")]
            public sealed partial class Gan : GenerativeModel
            {
                public Generator G { get; } = new();
                public Noise Pw { get; } = new();
                public Critic D { get; } = new();

                [Loss("ADV_JS[d(t|x)](g(x|w) || p(w))")]
                public partial Tensor GeneratorLoss(Tensor x);

                [Loss("ADV_JS_D[d(t|x)](g(x|w) || p(w))")]
                public partial Tensor DiscriminatorLoss(Tensor x);

                [Loss("ADV_W_D[d(t|x)](g(x|w) || p(w))")]
                public partial Tensor CriticLoss(Tensor x);
            }
            """;
        var generated = GeneratorHarness.Run(source)["Papers.Gan.Model.g.cs"].Replace("!.", ".");
        Snapshot.Verify(generated, nameof(PaperModelsTests), nameof(Adversarial_objectives), "Papers.Gan.Model.g.cs");
        Assert.That(generated, Does.Contain("G.Params(wFake)").And.Contain("D.Params(x)").And.Contain(".detach()"));
        Assert.That(generated, Does.Not.Contain("throw new"));
    }
}
