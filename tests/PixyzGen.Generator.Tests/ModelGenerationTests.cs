using System.Linq;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

public class ModelGenerationTests
{
    [Test]
    public void Vae_model()
    {
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModel);
        Snapshot.Verify(generated["Demo.Vae.Model.g.cs"], nameof(ModelGenerationTests), nameof(Vae_model), "Demo.Vae.Model.g.cs");
    }

    [Test]
    public void The_vae_loss_calls_each_network_once_and_samples_once()
    {
        var loss = GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModel)["Demo.Vae.Model.g.cs"];
        Assert.That(CountOf(loss, "Q.Params("), Is.EqualTo(1));
        Assert.That(CountOf(loss, "P.Params("), Is.EqualTo(1));
        Assert.That(CountOf(loss, "RSampleFrom("), Is.EqualTo(1));
    }

    [Test]
    public void Terms_sharing_a_distribution_share_its_forward_pass_and_sample()
    {
        var model = Sources.VaeModel
            .Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", "sum(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + E_q(z|x)[log p(z) - log q(z|x)] - H[q(z|x)] / 2)")
            .Replace("Loss(Tensor x)", "Loss(Tensor x, double beta)");
        Assert.That(model, Does.Contain("double beta"), "the replacement must apply");
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(Terms_sharing_a_distribution_share_its_forward_pass_and_sample), "Demo.Vae.Model.g.cs");
        Assert.That(CountOf(generated, "Q.Params("), Is.EqualTo(1));
        Assert.That(CountOf(generated, "RSampleFrom("), Is.EqualTo(1));
    }

    [Test]
    public void A_multi_sample_expectation_draws_once_and_averages_over_the_draws()
    {
        var model = Sources.VaeModel.Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", "-mean(E_q(z|x)^4[log p(x|z) + log p(z) - log q(z|x)] - KL(q(z|x) || p(z)))");
        Assert.That(model, Does.Contain("^4"), "the replacement must apply");
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(A_multi_sample_expectation_draws_once_and_averages_over_the_draws), "Demo.Vae.Model.g.cs");
        Assert.That(generated, Does.Contain("Q.RSampleFrom(qParams, 4)"));
        Assert.That(CountOf(generated, ".mean(new long[] { 0 })"), Is.EqualTo(1));
        Assert.That(CountOf(generated, "Q.Params("), Is.EqualTo(1));
    }

    [Test]
    public void The_importance_weighted_bound_sums_the_joint_factors_over_k_draws()
    {
        var model = Sources.VaeModel.Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", "-mean(IWAE_10(p(x,z) || q(z|x)))");
        Assert.That(model, Does.Contain("IWAE_10"), "the replacement must apply");
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(The_importance_weighted_bound_sums_the_joint_factors_over_k_draws), "Demo.Vae.Model.g.cs");
        Assert.That(generated, Does.Contain("Q.RSampleFrom(qParams, 10)").And.Contain(".logsumexp(0)"));
    }

    [Test]
    public void An_MMD_term_shares_the_posterior_draw_and_draws_as_many_from_the_prior()
    {
        var model = Sources.VaeModel.Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", "-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))");
        Assert.That(model, Does.Contain("MMD("), "the replacement must apply");
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(An_MMD_term_shares_the_posterior_draw_and_draws_as_many_from_the_prior), "Demo.Vae.Model.g.cs");
        Assert.That(CountOf(generated, "Q.RSampleFrom("), Is.EqualTo(1));
        Assert.That(generated, Does.Contain("Pz.RSampleFrom(pzParams, z.shape[0])").And.Contain("global::PixyzGen.MMD.Squared(z, zPrior)"));
    }

    [Test]
    public void An_iteration_plans_its_step_as_a_lambda_carrying_the_drawn_state()
    {
        var model = Sources.VaeModel
            .Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", "mean(iterate(x | z = z_prev)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])")
            .Replace("Loss(Tensor x)", "Loss(Tensor x, Tensor z_prev)");
        Assert.That(model, Does.Contain("iterate("), "the replacement must apply");
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(An_iteration_plans_its_step_as_a_lambda_carrying_the_drawn_state), "Demo.Vae.Model.g.cs");
        Assert.That(generated, Does.Contain("global::PixyzGen.Iteration.Sum(x.shape[0]"));
    }

    [Test]
    public void A_conditional_model_samples_from_its_inputs()
    {
        const string source = """
            using PixyzGen;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;

            namespace Demo;

            [Distribution("p(z|y)")]
            public sealed partial class LabelPrior : Normal
            {
                private readonly Module<Tensor, Tensor> net = Linear(10, 8);
                public LabelPrior() : base() => RegisterComponents();
                private NormalParams Forward(Tensor y) { var h = net.call(y).chunk(2, -1); return new(h[0], h[1].exp()); }
            }

            [Distribution("p(x|z,y)")]
            public sealed partial class Decoder : Bernoulli
            {
                private readonly Module<Tensor, Tensor> net = Linear(14, 784);
                public Decoder() : base() => RegisterComponents();
                private BernoulliParams Forward(Tensor z, Tensor y) => BernoulliParams.FromLogits(net.call(cat(new[] { z, y }, -1)));
            }

            [Model("p(x,z|y) = p(x|z,y) p(z|y)")]
            public sealed partial class Cvae : GenerativeModel
            {
                public Decoder P { get; } = new();
                public LabelPrior Prior { get; } = new();
            }
            """;
        var generated = GeneratorHarness.Run(source)["Demo.Cvae.Model.g.cs"];
        Snapshot.Verify(generated, nameof(ModelGenerationTests), nameof(A_conditional_model_samples_from_its_inputs), "Demo.Cvae.Model.g.cs");
    }

    [TestCase("mean(KL(q(z|x) || p(z))", "PXY0005")]
    [TestCase("mean(log r(x|z))", "PXY0201")]
    [TestCase("mean(log p(x|z))", "PXY0203")]
    public void An_invalid_loss_still_compiles_and_throws_with_its_diagnostic(string formula, string id)
    {
        var model = Sources.VaeModel.Replace("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", formula);
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, model)["Demo.Vae.Model.g.cs"];
        Assert.That(generated, Does.Contain($"throw new global::System.InvalidOperationException(\"[Loss] Loss is invalid: {id}: "));
    }

    [Test]
    public void A_recursive_model_gets_a_Sample_that_throws_with_the_diagnostic()
    {
        const string source = """
            using PixyzGen;
            using static TorchSharp.torch;

            namespace Demo;

            [Distribution("p(z|x)")]
            public sealed partial class Back() : Normal()
            {
                private NormalParams Forward(Tensor x) => new(x, x.exp());
            }

            [Model("p(x,z) = p(x|z) p(z|x)")]
            public sealed partial class Loop : GenerativeModel
            {
                public Decoder P { get; } = new();
                public Back B { get; } = new();
            }
            """;
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, source)["Demo.Loop.Model.g.cs"];
        // Callers of Sample() still compile, so the build shows the analyzer's PXY0102 and not a CS1061 cascade.
        Assert.That(generated, Does.Contain("public global::TorchSharp.torch.Tensor Sample(long batchSize = 1) => throw new global::System.InvalidOperationException(\"[Model] Loop is invalid: PXY0102: The factorization is recursive: z -> x -> z"));
        Assert.That(generated, Does.Not.Contain("LogProb("));
        Assert.That(generated, Does.Contain("yield return (\"P\", this.P);"));
    }

    [Test]
    public void Output_is_identical_across_runs()
    {
        var first = GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModel);
        var second = GeneratorHarness.Run(Sources.VaeModel, Sources.VaeDistributions);
        Assert.That(second.OrderBy(p => p.Key), Is.EqualTo(first.OrderBy(p => p.Key)));
    }

    private static int CountOf(string text, string fragment) => (text.Length - text.Replace(fragment, "").Length) / fragment.Length;
}
