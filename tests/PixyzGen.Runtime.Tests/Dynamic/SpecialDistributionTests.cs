using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Deterministic, data, custom-likelihood, product-of-experts and mixture distributions.</summary>
public class SpecialDistributionTests
{
    private static double NormalLogPdf(double x, double m, double s) => -0.5 * Math.Pow((x - m) / s, 2) - Math.Log(s) - 0.5 * Math.Log(2 * Math.PI);

    [Test]
    public void Deterministic_draws_are_the_function_with_gradients_and_no_density()
    {
        using var d = new Deterministic(v => v["x"] * 2, var: new[] { "h" }, condVar: new[] { "x" });
        using var x = tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var h = d.Sample(new Variables { ["x"] = x })["h"];
        Assert.That(h.data<double>().ToArray(), Is.EqualTo(new[] { 2.0, 4.0 }));
        h.sum().backward();
        Assert.That(x.grad!.data<double>().ToArray(), Is.EqualTo(new[] { 2.0, 2.0 }));
        Assert.That(Assert.Throws<NotSupportedException>(() => d.LogProb(new Variables { ["x"] = x, ["h"] = h }))!.Message, Does.Contain("p(h|x)"));
    }

    [Test]
    public void The_data_distribution_returns_the_data_it_is_given()
    {
        using var data = new DataDistribution(new[] { "x" });
        using var x = randn(4, 3);
        Assert.That(data.InputVar, Is.EqualTo(new[] { "x" }));
        Assert.That(ReferenceEquals(data.Sample(new Variables { ["x"] = x })["x"], x), Is.True);
        Assert.That(Assert.Throws<ArgumentException>(() => data.Sample())!.Message, Does.Contain("'x'").And.Contain("missing"));
    }

    [Test]
    public void The_data_distribution_is_a_factor_of_an_aggregate_posterior()
    {
        // MMD-VAE's q(z) = integral of q(z|x) p_data(x) dx: the data factor reads x from outside, so no cycle x -> x.
        using var q = new Normal(loc: "x", scale: 1.0, var: new[] { "z" }, condVar: new[] { "x" }, name: "q");
        using var data = new DataDistribution(new[] { "x" });
        var aggregate = (q * data).MarginalizeVar("x");
        Assert.That(aggregate.Var, Is.EqualTo(new[] { "z" }));
        Assert.That(aggregate.InputVar, Is.EqualTo(new[] { "x" }));
        using var x = randn(5, 3);
        manual_seed(3);
        var fromAggregate = aggregate.Sample(new Variables { ["x"] = x })["z"];
        manual_seed(3);
        var fromPosterior = q.Sample(new Variables { ["x"] = x })["z"];
        Assert.That(fromAggregate.equal(fromPosterior).all().item<bool>(), Is.True, "the aggregate posterior draws q(z|x) at the data");
    }

    [Test]
    public void A_custom_likelihood_scores_with_its_function_or_its_given_values()
    {
        using var fromFunction = new CustomLikelihoodDistribution(v => -v["x"].square().sum(-1), var: new[] { "x" });
        Assert.That(fromFunction.LogProb(new Variables { ["x"] = tensor(new[] { 1.0, 2.0 }) }).item<double>(), Is.EqualTo(-5.0));
        Assert.Throws<NotSupportedException>(() => fromFunction.Sample(new Variables { ["x"] = zeros(1) }));

        using var fromValues = new CustomLikelihoodDistribution(tensor(new[] { 0.5, 0.25 }), var: new[] { "x" });
        Assert.That(fromValues.LogProb(new Variables { ["x"] = zeros(2, dtype: ScalarType.Float64) }, sumFeatures: false).data<double>().ToArray(),
            Is.EqualTo(new[] { Math.Log(0.5), Math.Log(0.25) }).Within(1e-12));
        var error = Assert.Throws<ArgumentException>(() => fromValues.LogProb(new Variables { ["x"] = zeros(3) }));
        Assert.That(error!.Message, Does.Contain("'x'").And.Contain("[3]").And.Contain("[2]"));
    }

    [Test]
    public void A_product_of_experts_is_the_precision_weighted_normal_and_skips_missing_experts()
    {
        using var prior = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 1 });
        using var fromX = new Normal("x", 1.0, var: new[] { "z" }, condVar: new[] { "x" }, name: "q");
        using var fromY = new Normal("y", 2.0, var: new[] { "z" }, condVar: new[] { "y" }, name: "q");
        using var poe = new NormalPoE(prior, new[] { fromX, fromY });
        Assert.That((poe.ProbText, poe.InputVar), Is.EqualTo(("p(z|x,y)", Array.Empty<string>())));

        using var x = tensor(new[] { 1.0f }).reshape(1, 1);
        using var y = tensor(new[] { 3.0f }).reshape(1, 1);
        // Precisions 1 + 1 + 1/4; mean (0 + 1 + 3/4) / 2.25.
        double precision = 2.25, mean = 1.75 / 2.25, scale = 1 / Math.Sqrt(precision);
        var both = poe.GetParams(new Variables { ["x"] = x, ["y"] = y });
        Assert.That(both["loc"].item<float>(), Is.EqualTo(mean).Within(1e-6));
        Assert.That(both["scale"].item<float>(), Is.EqualTo(scale).Within(1e-6));
        var z = tensor(new[] { 0.4f }).reshape(1, 1);
        Assert.That(poe.LogProb(new Variables { ["x"] = x, ["y"] = y, ["z"] = z }).item<float>(), Is.EqualTo(NormalLogPdf(0.4, mean, scale)).Within(1e-5));

        var onlyX = poe.GetParams(new Variables { ["x"] = x });
        Assert.That(onlyX["loc"].item<float>(), Is.EqualTo(0.5).Within(1e-6));
        Assert.That(onlyX["scale"].item<float>(), Is.EqualTo(Math.Sqrt(0.5)).Within(1e-6));
        var priorOnly = poe.Sample(batchN: 5);
        Assert.That(priorOnly["z"].shape, Is.EqualTo(new long[] { 5, 1 }));
        Assert.That(KL.HasClosedForm(poe, prior), Is.True, "a product of Gaussian experts is a Normal");
        var inputs = new Variables { ["x"] = x, ["y"] = y };
        var closedForm = Math.Log(1 / scale) + (scale * scale + mean * mean) / 2 - 0.5;
        Assert.That(KL.Divergence(poe, prior, inputs).item<float>(), Is.EqualTo(closedForm).Within(1e-5));
    }

    [Test]
    public void A_mixture_marginalizes_its_component_and_samples_by_weight()
    {
        using var first = new Normal(tensor(new[] { -1.0 }), tensor(new[] { 0.5 }), var: new[] { "x" });
        using var second = new Normal(tensor(new[] { 2.0 }), tensor(new[] { 1.0 }), var: new[] { "x" });
        using var weights = new Categorical(tensor(new[] { 0.3, 0.7 }), var: new[] { "k" });
        using var mixture = new MixtureModel(new Distribution[] { first, second }, weights);
        foreach (var point in new[] { -1.2, 0.3, 2.5 })
        {
            var expected = Math.Log(0.3 * Math.Exp(NormalLogPdf(point, -1, 0.5)) + 0.7 * Math.Exp(NormalLogPdf(point, 2, 1)));
            Assert.That(mixture.LogProb(new Variables { ["x"] = tensor(new[] { point }).reshape(1, 1) }).item<double>(), Is.EqualTo(expected).Within(1e-12));
        }
        var responsibilities = mixture.Responsibilities(new Variables { ["x"] = tensor(new[] { 0.3 }).reshape(1, 1) });
        Assert.That(responsibilities.sum().item<double>(), Is.EqualTo(1).Within(1e-12));

        manual_seed(12);
        mixture.ReturnHidden = true;
        var sample = mixture.Sample(batchN: 40_000);
        Assert.That(sample["x"].shape, Is.EqualTo(new long[] { 40_000, 1 }));
        var fromSecond = sample["k"][.., 1].to(ScalarType.Float64).mean().item<double>();
        Assert.That(fromSecond, Is.EqualTo(0.7).Within(0.01));
        var chosenSecond = sample["k"][.., 1].eq(1);
        Assert.That(sample["x"].flatten()[chosenSecond].mean().item<double>(), Is.EqualTo(2.0).Within(0.03));
        Assert.That(Assert.Throws<ArgumentException>(() => new MixtureModel(new Distribution[] { first }, weights))!.Message, Does.Contain("2 classes for 1 components"));
    }

    [Test]
    public void A_mixtures_posterior_is_a_distribution_over_the_component_that_scores_and_draws_it()
    {
        using var first = new Normal(tensor(new[] { -1.0 }), tensor(new[] { 0.5 }), var: new[] { "x" });
        using var second = new Normal(tensor(new[] { 2.0 }), tensor(new[] { 1.0 }), var: new[] { "x" });
        using var weights = new Categorical(tensor(new[] { 0.3, 0.7 }), var: new[] { "k" });
        using var mixture = new MixtureModel(new Distribution[] { first, second }, weights);
        var posterior = mixture.Posterior();
        Assert.That((posterior.Var, posterior.CondVar), Is.EqualTo((new[] { "k" }, new[] { "x" })));

        var points = new[] { -1.2, 0.3, 2.5 };
        var x = tensor(points).reshape(3, 1);
        var ofSecond = points.Select(v => 0.7 * Math.Exp(NormalLogPdf(v, 2, 1)) / (0.3 * Math.Exp(NormalLogPdf(v, -1, 0.5)) + 0.7 * Math.Exp(NormalLogPdf(v, 2, 1)))).ToArray();
        var second1Hot = tensor(new[] { 0.0, 1.0 }).expand(3, 2);
        var logProb = posterior.LogProb(new Variables { ["x"] = x, ["k"] = second1Hot }).data<double>().ToArray();
        Assert.That(logProb, Is.EqualTo(ofSecond.Select(v => Math.Log(v)).ToArray()).Within(1e-12), "log p(k=1|x), the closed form");

        manual_seed(13);
        var many = tensor(new[] { 0.3 }).reshape(1, 1).expand(40_000, 1);
        var drawn = posterior.Sample(new Variables { ["x"] = many })["k"];
        Assert.That(drawn.shape, Is.EqualTo(new long[] { 40_000, 2 }), "one-hot, as the prior's values");
        Assert.That(drawn[.., 1].mean().item<double>(), Is.EqualTo(ofSecond[1]).Within(0.01));
        Assert.That(posterior.parameters().Count(), Is.EqualTo(mixture.parameters().Count()), "the mixture's parameters, once");
    }
}
