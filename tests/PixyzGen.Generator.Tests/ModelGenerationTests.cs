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

    /// <summary>One loss body: the formula and parameters of the VAE's loss method, and what its body must do.</summary>
    public sealed record LossBody(string Name, string Formula, string Parameters, (string Fragment, int Count)[] Counts, string[] Contains)
    {
        public override string ToString() => Name;
    }

    public static readonly LossBody[] LossBodies =
    {
        new("Terms_sharing_a_distribution_share_its_forward_pass_and_sample",
            "sum(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + E_q(z|x)[log p(z) - log q(z|x)] - H[q(z|x)] / 2)", "Tensor x, double beta",
            new[] { ("Q.Params(", 1), ("RSampleFrom(", 1) }, new[] { "beta * " }),
        new("A_multi_sample_expectation_draws_once_and_averages_over_the_draws",
            "-mean(E_q(z|x)^4[log p(x|z) + log p(z) - log q(z|x)] - KL(q(z|x) || p(z)))", "Tensor x",
            new[] { (".mean(new long[] { 0 })", 1), ("Q.Params(", 1) }, new[] { "Q.RSampleFrom(qParams, 4)" }),
        new("A_draw_count_given_at_each_call_stacks_that_many_draws",
            "-mean(E_q(z|x)^k[log p(x|z) + log p(z) - log q(z|x)])", "Tensor x, int k",
            new[] { (".mean(new long[] { 0 })", 1), ("Q.Params(", 1) }, new[] { "Q.RSampleFrom(qParams, k)" }),
        new("The_importance_weighted_bound_sums_the_joint_factors_over_k_draws",
            "-mean(IWAE_10(p(x,z) || q(z|x)))", "Tensor x",
            new[] { ("Q.Params(", 1) }, new[] { "Q.RSampleFrom(qParams, 10)", ".logsumexp(0)" }),
        new("An_MMD_term_shares_the_posterior_draw_and_draws_as_many_from_the_prior",
            "-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))", "Tensor x",
            new[] { ("Q.RSampleFrom(", 1) }, new[] { "Pz.RSampleFrom(pzParams, z.shape[0])", "global::PixyzGen.MMD.Squared(z, zPrior)" }),
        new("The_models_own_joint_in_a_term_is_the_sum_of_its_factors",
            "-mean(E_q(z|x)[log p(x,z) - log q(z|x)])", "Tensor x",
            new[] { ("Q.Params(", 1), ("Q.RSampleFrom(", 1) }, new[] { "(this.P.LogProbOf(pParams, x, \"x\") + this.Pz.LogProbOf(pzParams, z, \"z\"))" }),
        new("An_iteration_plans_its_step_as_a_lambda_carrying_the_drawn_state",
            "mean(iterate(x | z = z_prev)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])", "Tensor x, Tensor z_prev",
            System.Array.Empty<(string, int)>(), new[] { "global::PixyzGen.Iteration.Sum(x.shape[0]" }),
    };

    /// <summary>Each body is snapshotted alone (the rest of the file is <see cref="Vae_model"/>'s), and checked for what it must share.</summary>
    [TestCaseSource(nameof(LossBodies))]
    public void Loss_body(LossBody body)
    {
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModelWithLoss(body.Formula, body.Parameters))["Demo.Vae.Model.g.cs"];
        var member = GeneratedMember(generated, "/// <summary>The loss <c>");
        Snapshot.Verify(member, nameof(ModelGenerationTests), body.Name, "Demo.Vae.Loss.g.cs");
        foreach (var (fragment, count) in body.Counts) Assert.That(CountOf(member, fragment), Is.EqualTo(count), fragment);
        foreach (var fragment in body.Contains) Assert.That(member.Replace("!.", "."), Does.Contain(fragment));
    }

    /// <summary>The lines of the generated member whose doc comment starts with <paramref name="summary"/>, through its closing brace.</summary>
    private static string GeneratedMember(string generated, string summary)
    {
        var lines = generated.Split('\n');
        var first = System.Array.FindIndex(lines, l => l.TrimStart().StartsWith(summary, System.StringComparison.Ordinal));
        Assert.That(first, Is.GreaterThanOrEqualTo(0), summary);
        var indent = lines[first][..(lines[first].Length - lines[first].TrimStart().Length)];
        var last = System.Array.FindIndex(lines, first, l => l == indent + "}");
        return string.Join("\n", lines[first..(last + 1)].Select(l => l.StartsWith(indent) ? l[indent.Length..] : l)) + "\n";
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
        var generated = GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModelWithLoss(formula))["Demo.Vae.Model.g.cs"];
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
        // Callers of Sample() still compile, with the joint draw a valid p(x,z) would give (model.Sample(n).X), so the
        // build shows the analyzer's PXY0102 and not a CS1061 cascade.
        Assert.That(generated, Does.Contain("public readonly record struct LoopSample(global::TorchSharp.torch.Tensor X, global::TorchSharp.torch.Tensor Z);"));
        Assert.That(generated, Does.Contain("public LoopSample Sample(long batchSize = 1) => throw new global::System.InvalidOperationException(\"[Model] Loop is invalid: PXY0102: The factorization is recursive: z -> x -> z"));
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

    // Members are read as this.Q! (a nullable member is read as present): "Q.Params(" counts those calls.
    private static int CountOf(string text, string fragment)
    {
        var calls = text.Replace("!.", ".");
        return (calls.Length - calls.Replace(fragment, "").Length) / fragment.Length;
    }
}
