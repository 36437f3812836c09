using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>Each loss against a value computed independently: closed forms, or the same quantity in plain TorchSharp.</summary>
public class LossValueTests
{
    private static double NormalLogPdf(double x, double m, double s) => -0.5 * Math.Pow((x - m) / s, 2) - Math.Log(s) - 0.5 * Math.Log(2 * Math.PI);

    private static Variables X(params double[] values) => new() { ["x"] = tensor(values).reshape(-1, 1).to(ScalarType.Float32) };

    [Test]
    public void Log_probability_and_NLL_are_the_density_of_the_given_values()
    {
        var model = new LinearGaussian();
        var inputs = new Variables { ["x"] = tensor(new[] { 0.5f }).reshape(1, 1), ["z"] = tensor(new[] { -0.25f }).reshape(1, 1) };
        Assert.That(model.Likelihood.LogProbLoss().Eval(inputs).item<float>(), Is.EqualTo(NormalLogPdf(0.5, -0.25, 1)).Within(1e-6));
        Assert.That(new NLL(model.Likelihood).Eval(inputs).item<float>(), Is.EqualTo(-NormalLogPdf(0.5, -0.25, 1)).Within(1e-6));
        Assert.That(model.Likelihood.ProbLoss().Eval(inputs).item<float>(), Is.EqualTo(Math.Exp(NormalLogPdf(0.5, -0.25, 1))).Within(1e-6));
    }

    [Test]
    public void Numbers_in_a_loss_take_the_dtype_of_the_value_they_combine_with()
    {
        var model = new LinearGaussian();
        var inputs = new Variables { ["x"] = tensor(new[] { 0.5f, 1f }).reshape(2, 1), ["z"] = tensor(new[] { -0.25f, 0f }).reshape(2, 1) };
        var mean = model.Likelihood.LogProbLoss().Mean();
        // Two 0-dimensional operands: a float64 constant would make the float32 mean float64 (Python's 0.1 * loss stays float32).
        foreach (var loss in new[] { mean - 0.1 * mean, 0.1 * mean, mean / 2, 1 - mean })
            Assert.That(loss.Eval(inputs).dtype, Is.EqualTo(ScalarType.Float32), loss.ToString());
        var value = (mean - 0.1 * mean).Eval(inputs).item<float>();
        Assert.That(value, Is.EqualTo(0.9 * (NormalLogPdf(0.5, -0.25, 1) + NormalLogPdf(1, 0, 1)) / 2).Within(1e-6));
        var doubles = new Variables { ["x"] = inputs["x"].to(ScalarType.Float64), ["z"] = inputs["z"].to(ScalarType.Float64) };
        Assert.That((0.1 * model.Likelihood.LogProbLoss().Mean()).Eval(doubles).dtype, Is.EqualTo(ScalarType.Float64), "float64 data stays float64");
    }

    [Test]
    public void With_the_exact_posterior_the_ELBO_and_every_IWAE_bound_equal_the_log_evidence_for_every_draw()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.5, Math.Sqrt(0.5));
        var inputs = X(-1.5, 0.0, 0.7, 2.0);
        var expected = new[] { -1.5, 0.0, 0.7, 2.0 }.Select(LinearGaussian.LogEvidence).ToArray();
        Assert.That(new ELBO(model.Joint, q).Eval(inputs).data<float>().Select(v => (double)v), Is.EqualTo(expected).Within(1e-5));
        Assert.That(new IWAE(model.Joint, q, 7).Eval(inputs).data<float>().Select(v => (double)v), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void The_ELBO_accepts_a_posterior_over_a_variable_the_joint_conditions_on()
    {
        // M2's unlabelled bound ELBO(p(x|y), q(y|x)): y has a flat prior. With q(y|x) = N(x, 1) and p(x|y) = N(y, 1),
        // log p(x|y) - log q(y|x) = 0 at every draw, so the bound is exactly 0.
        using var q = new Normal(loc: "x", scale: 1.0, var: new[] { "y" }, condVar: new[] { "x" }, name: "q");
        using var p = new Normal(loc: "y", scale: 1.0, var: new[] { "x" }, condVar: new[] { "y" });
        var elbo = new ELBO(p, q);
        Assert.That(elbo.InputVar, Is.EqualTo(new[] { "x" }));
        var values = elbo.Eval(X(-1.0, 0.3, 2.5)).data<float>().ToArray();
        Assert.That(values, Has.All.EqualTo(0).Within(1e-6));
    }

    [Test]
    public void A_loss_s_expectation_over_a_distribution_is_the_Monte_Carlo_mean_over_its_draws()
    {
        // Tutorial 00's -p.log_prob().expectation(q). With q(z|x) = N(x, 1) and p(x|z) = N(z, 1) over 3 features,
        // E_q[log p(x|z)] = -3 (log(2 pi) + E[(x - z)^2]) / 2 = -3 (log(2 pi) + 1) / 2 for every x.
        using var q = new Normal(loc: "x", scale: 1.0, var: new[] { "z" }, condVar: new[] { "x" }, name: "q", features: new long[] { 3 });
        using var p = new Normal(loc: "z", scale: 1.0, var: new[] { "x" }, condVar: new[] { "z" }, features: new long[] { 3 });
        var expectation = p.LogProbLoss().Expectation(q, samples: 4000);
        Assert.That(expectation.ToString(), Is.EqualTo("E_q(z|x)^4000[log p(x|z)]"));
        Assert.That(expectation.InputVar, Is.EqualTo(new[] { "x" }));
        manual_seed(3);
        var values = expectation.Eval(new Variables { ["x"] = tensor(new float[] { -2f, 0f, 0.5f, 0f, 0f, 0f }).reshape(2, 3) }).data<float>().ToArray();
        var exact = -3 * (Math.Log(2 * Math.PI) + 1) / 2;
        // 4,000 draws of a sum of 3 chi-squares (variance 6): the mean's standard error is 0.5 * sqrt(6 / 4000) = 0.019.
        Assert.That(values, Has.All.EqualTo(exact).Within(0.08));
    }

    [Test]
    public void IWAE_with_one_sample_is_the_ELBO_and_tightens_as_k_grows()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.2, 1.5);   // a poor posterior: the bounds are loose
        var inputs = X(1.0);
        manual_seed(41);
        var elbo = new ELBO(model.Joint, q).Eval(inputs).item<float>();
        manual_seed(41);
        var iwae1 = new IWAE(model.Joint, q, 1).Eval(inputs).item<float>();
        Assert.That(iwae1, Is.EqualTo(elbo));

        var many = new Variables { ["x"] = ones(20_000, 1) };
        var bounds = new[] { 1, 5, 50 }.Select(k => { manual_seed(42); return new IWAE(model.Joint, q, k).Eval(many).mean().item<float>(); }).ToArray();
        Assert.That(bounds, Is.Ordered.Ascending);
        Assert.That(bounds[2], Is.LessThan(LinearGaussian.LogEvidence(1.0)));
        Assert.That(bounds[2], Is.GreaterThan(LinearGaussian.LogEvidence(1.0) - 0.05));
    }

    [Test]
    public void Analytic_KL_is_the_closed_form_and_Monte_Carlo_KL_agrees_within_three_standard_errors()
    {
        var q = LinearGaussian.Posterior(0.5, 0.6);
        var prior = new LinearGaussian().Prior;
        var inputs = X(1.2);
        var mean = 0.6;
        var closedForm = Math.Log(1 / 0.6) + (0.36 + mean * mean) / 2 - 0.5;
        var analytic = new KullbackLeibler(q, prior);
        Assert.That((analytic.Analytic, analytic.Eval(inputs).item<float>()), Is.EqualTo((true, (float)closedForm)).Using<(bool, float)>((a, b) => a.Item1 == b.Item1 && Math.Abs(a.Item2 - b.Item2) < 1e-6));

        manual_seed(43);
        const int n = 50_000;
        var monteCarlo = new KullbackLeibler(q, prior, analytic: false, samples: n);
        var draws = q.Sample(inputs, sampleShape: new long[] { n });
        var standardError = (q.LogProb(draws) - prior.LogProb(draws)).std().item<float>() / Math.Sqrt(n);
        Assert.That(Math.Abs(monteCarlo.Eval(inputs).item<float>() - closedForm), Is.LessThan(3 * standardError));
    }

    [Test]
    public void Entropy_and_cross_entropy_match_their_closed_forms()
    {
        var p = LinearGaussian.Posterior(1.0, 0.7);
        var q = new Normal(0.5, 2.0, var: new[] { "z" }, features: new long[] { 1 });
        var inputs = X(0.3);
        var entropy = 0.5 + 0.5 * Math.Log(2 * Math.PI) + Math.Log(0.7);
        Assert.That(new Entropy(p).Eval(inputs).item<float>(), Is.EqualTo(entropy).Within(1e-6));
        manual_seed(44);
        const int n = 50_000;
        Assert.That(new Entropy(p, analytic: false, samples: n).Eval(inputs).item<float>(), Is.EqualTo(entropy).Within(0.02));
        // -E_p[log q] = log(s_q sqrt(2 pi)) + (s_p^2 + (m_p - m_q)^2) / (2 s_q^2)
        var crossEntropy = Math.Log(2.0 * Math.Sqrt(2 * Math.PI)) + (0.49 + Math.Pow(0.3 - 0.5, 2)) / 8;
        Assert.That(new CrossEntropy(p, q, samples: n).Eval(inputs).item<float>(), Is.EqualTo(crossEntropy).Within(0.02));
    }

    [Test]
    public void Reconstruction_and_expectation_of_the_log_likelihood_are_negatives_on_the_same_draw()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.5, 0.8);
        var inputs = X(0.4, -0.9);
        manual_seed(45);
        var reconstruction = new StochasticReconstructionLoss(q, model.Likelihood).Eval(inputs);
        manual_seed(45);
        var expectation = new Expectation(q, model.Likelihood.LogProbLoss()).Eval(inputs);
        manual_seed(45);
        var z = q.Sample(inputs)["z"];
        var byHand = inputs["x"].sub(z).square().mul(-0.5).sub(0.5 * Math.Log(2 * Math.PI)).sum(-1);
        Assert.That(reconstruction.allclose(-expectation), Is.True);
        Assert.That(expectation.allclose(byHand), Is.True);
    }

    [Test]
    public void Several_samples_average_over_a_leading_sample_dimension()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.5, 0.8);
        var inputs = X(0.4, -0.9, 1.1);
        manual_seed(46);
        var averaged = new Expectation(q, model.Likelihood.LogProbLoss(), samples: 4).Eval(inputs);
        manual_seed(46);
        var draws = q.Sample(inputs, sampleShape: new long[] { 4 });
        var byHand = model.Likelihood.LogProb(draws).mean(new long[] { 0 });
        Assert.That(averaged.shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(averaged.allclose(byHand), Is.True);
    }

    [Test]
    public void Arithmetic_on_losses_is_arithmetic_on_their_values_and_prints_as_the_DSL()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.5, 0.8);
        var kl = new KullbackLeibler(q, model.Prior);
        var reconstruction = new Expectation(q, model.Likelihood.LogProbLoss());
        var objective = (kl - reconstruction).Mean();
        Assert.That(objective.ToString(), Is.EqualTo("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])"));
        Assert.That(objective.InputVar, Is.EqualTo(new[] { "x" }));
        Assert.That(((kl + 2) * kl / 4 - -kl).ToString(), Is.EqualTo("(KL(q(z|x) || p(z)) + 2) * KL(q(z|x) || p(z)) / 4 - -KL(q(z|x) || p(z))"));
        var inputs = X(0.4, -0.9);
        var k = kl.Eval(inputs);
        Assert.That(((kl + 2) * kl / 4 - -kl).Eval(inputs).allclose((k + 2) * k / 4 + k), Is.True);
        Assert.That(Loss.Min(kl, 0.5 * kl).Eval(inputs).allclose(k * 0.5), Is.True);
        Assert.That(Loss.Max(kl, 0.5 * kl).Eval(inputs).allclose(k), Is.True);
        Assert.That(kl.Sum().Eval(inputs).item<float>(), Is.EqualTo(k.sum().item<float>()));
        Assert.That(objective.ToLatex(), Does.StartWith("mean \\left(D_{KL} \\left[q(z|x)||p(z) \\right] - \\mathbb{E}_{q(z|x)}"));
    }

    [Test]
    public void A_parameter_is_read_from_the_inputs_at_evaluation()
    {
        var model = new LinearGaussian();
        var q = LinearGaussian.Posterior(0.5, 0.8);
        var beta = new Parameter("beta");
        var weighted = beta * new KullbackLeibler(q, model.Prior);
        Assert.That(weighted.InputVar, Is.EquivalentTo(new[] { "beta", "x" }));
        var inputs = X(0.4).With("beta", tensor(0.25f));
        Assert.That(weighted.Eval(inputs).item<float>(), Is.EqualTo(0.25f * new KullbackLeibler(q, model.Prior).Eval(inputs).item<float>()).Within(1e-7));
        var error = Assert.Throws<ArgumentException>(() => weighted.Eval(X(0.4)));
        Assert.That(error!.Message, Does.Contain("[beta]").And.Contain("missing"));
    }

    [Test]
    public void Invalid_compositions_fail_when_built_naming_the_variables()
    {
        var model = new LinearGaussian();
        var overX = new Normal(0.0, 1.0, var: new[] { "x" });
        Assert.That(Assert.Throws<ArgumentException>(() => new KullbackLeibler(model.Prior, overX))!.Message, Does.Contain("[z]").And.Contain("[x]"));
        Assert.That(Assert.Throws<ArgumentException>(() => new MMD(model.Prior, overX))!.Message, Does.Contain("[z]").And.Contain("[x]"));
        var posteriorOverY = new Normal("x", 1.0, var: new[] { "y" }, condVar: new[] { "x" });
        Assert.That(Assert.Throws<ArgumentException>(() => new ELBO(model.Joint, posteriorOverY))!.Message, Does.Contain("[y]").And.Contain("p(x,z)"));
    }
}
