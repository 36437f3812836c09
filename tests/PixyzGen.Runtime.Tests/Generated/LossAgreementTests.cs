using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>Each kind of generated loss term equals the dynamic API's loss object on the same seed; forward passes happen once.</summary>
public class LossAgreementTests
{
    private static (LossKinds Model, Tensor X, Variables Inputs) Setup()
    {
        manual_seed(3);
        var model = new LossKinds();
        var x = bernoulli(full(8, 3, 0.4f));
        return (model, x, new Variables { ["x"] = x });
    }

    private static void Agree(Func<Tensor> generated, Func<Tensor> dynamic) => Agreement.OnSameSeed(generated, dynamic, seed: 99);

    [Test]
    public void Closed_form_KL() { var (m, x, v) = Setup(); Agree(() => m.ClosedFormKl(x), () => new KullbackLeibler(m.Q, m.Pz).Mean().Eval(v)); }

    [Test]
    public void Monte_Carlo_KL()
    {
        var (m, x, v) = Setup();
        var kl = new KullbackLeibler(m.R, m.Pz);
        Assert.That(kl.Analytic, Is.False);
        Agree(() => m.MonteCarloKl(x), () => kl.Mean().Eval(v));
    }

    [Test]
    public void Expectation_of_a_log_likelihood() { var (m, x, v) = Setup(); Agree(() => m.Reconstruction(x), () => new Expectation(m.Q, m.P.LogProbLoss()).Mean().Eval(v)); }

    [Test]
    public void Expectation_over_several_samples()
    {
        var (m, x, v) = Setup();
        Agree(() => m.FiveSampleReconstruction(x), () => new Expectation(m.Q, m.P.LogProbLoss(), samples: 5).Mean().Eval(v));
        Assert.That(m.FiveSampleReconstruction(x).shape, Is.Empty);
    }

    [Test]
    public void Terms_without_the_draws_inside_a_multi_sample_expectation_are_not_averaged_away()
    {
        var (m, x, v) = Setup();
        // KL does not depend on z: inside E^3 it broadcasts over the draws and comes out unchanged.
        Agree(() => m.ThreeSampleBound(x), () => (new KullbackLeibler(m.Q, m.Pz) - new Expectation(m.Q, m.P.LogProbLoss(), samples: 3)).Mean().Eval(v));
    }

    [Test]
    public void Importance_weighted_bound()
    {
        var (m, x, v) = Setup();
        Agree(() => m.ImportanceWeighted(x), () => new IWAE(m.P * m.Pz, m.Q, 5).Mean().Eval(v));
        Agree(() => m.CountedImportanceWeighted(x, 5), () => m.ImportanceWeighted(x));
        Agree(() => m.CountedImportanceWeighted(x, 3), () => new IWAE(m.P * m.Pz, m.Q, 3).Mean().Eval(v));
        Agree(() => m.CountedImportanceWeighted(x, 1), () => new IWAE(m.P * m.Pz, m.Q, 1).Mean().Eval(v));
        // With one sample the bound is the ELBO.
        Agree(() => m.SingleSampleBound(x), () => new ELBO(m.P * m.Pz, m.Q).Mean().Eval(v));
    }

    [Test]
    public void A_draw_count_given_at_each_call_equals_the_expectation_over_that_many_draws()
    {
        var (m, x, v) = Setup();
        Agree(() => m.CountedReconstruction(x, 3), () => new Expectation(m.Q, m.P.LogProbLoss(), samples: 3).Mean().Eval(v));
        Agree(() => m.CountedReconstruction(x, 1), () => new Expectation(m.Q, m.P.LogProbLoss()).Mean().Eval(v));
        Agree(() => m.CountedReconstruction(x, 5), () => m.FiveSampleReconstruction(x));
    }

    [Test]
    public void Maximum_mean_discrepancy()
    {
        var (m, x, v) = Setup();
        var mmd = new MMD(m.Q, m.Pz);
        Agree(() => m.Discrepancy(x), () => mmd.Eval(v));
        Assert.That(mmd.ToString(), Is.EqualTo("MMD(q(z|x) || p(z))"));
        Assert.That(mmd.ToLatex(), Is.EqualTo(LossKinds.DiscrepancyLatex));
        var multiquadric = new MMD(m.Q, m.Pz, MmdKernel.InverseMultiquadratic);
        Agree(() => m.MultiquadricDiscrepancy(x), () => multiquadric.Eval(v));
        Assert.That(multiquadric.ToString(), Is.EqualTo("MMD_imq(q(z|x) || p(z))"));
    }

    [Test]
    public void Maximum_mean_discrepancy_with_a_kernel_width_from_the_formula_or_the_call()
    {
        var (m, x, v) = Setup();
        var wide = new MMD(m.Q, m.Pz, sigmaSquared: 32);
        Agree(() => m.WideDiscrepancy(x), () => wide.Eval(v));
        Assert.That(wide.ToString(), Is.EqualTo("MMD(q(z|x) || p(z), sigma2 = 32)"), "the printed form is the [Loss] that computes it");
        Agree(() => m.AnnealedDiscrepancy(x, 5), () => new MMD(m.Q, m.Pz, MmdKernel.InverseMultiquadratic, 5).Eval(v));
        manual_seed(7);
        var narrow = m.AnnealedDiscrepancy(x, 1).item<float>();
        manual_seed(7);
        var broad = m.AnnealedDiscrepancy(x, 50).item<float>();
        Assert.That(narrow, Is.Not.EqualTo(broad), "the width reaches the kernel");
    }

    [Test]
    public void Entropy_summed() { var (m, x, v) = Setup(); Agree(() => m.EntropySum(x), () => new Entropy(m.Q).Sum().Eval(v)); }

    [Test]
    public void Log_likelihood_of_observed_variables()
    {
        var (m, x, v) = Setup();
        var z = randn(8, 2);
        Agree(() => m.JointLogLikelihood(x, z), () => (m.P.LogProbLoss() + m.Pz.LogProbLoss()).Mean().Eval(v.With("z", z)));
    }

    [Test]
    public void Hyper_parameter()
    {
        var (m, x, v) = Setup();
        var objective = (new Parameter("beta") * new KullbackLeibler(m.Q, m.Pz) - new Expectation(m.Q, m.P.LogProbLoss())).Mean();
        Agree(() => m.BetaVae(x, 0.25), () => objective.Eval(v.With("beta", tensor(0.25f))));
    }

    /// <summary>docs/dsl.md: a Tensor parameter written where a number goes combines with the term element-wise.</summary>
    [Test]
    public void A_tensor_hyper_parameter_weights_each_example()
    {
        var (m, x, v) = Setup();
        var batch = x.shape[0];
        var objective = (new Parameter("w") * (new KullbackLeibler(m.Q, m.Pz) - new Expectation(m.Q, m.P.LogProbLoss()))).Mean();
        var w = linspace(0, 2, batch);
        Agree(() => m.Weighted(x, w), () => objective.Eval(v.With("w", w)));

        // All the weight on example i gives example i's own term (the same draws each time): the terms differ from
        // example to example, and their average is the unweighted mean.
        float Weighted(Tensor weights) { manual_seed(5); return m.Weighted(x, weights).item<float>(); }
        var each = Enumerable.Range(0, (int)batch).Select(i => Weighted(zeros(batch).index_fill_(0, tensor((long)i), batch))).ToArray();
        Assert.That(each.Distinct().Count(), Is.EqualTo(batch), "each example's own term");
        Assert.That(each.Average(), Is.EqualTo(Weighted(ones(batch))).Within(1e-3 * Math.Abs(each.Average())));
    }

    [Test]
    public void Every_network_runs_once_per_evaluation_however_many_terms_use_it()
    {
        var (m, x, _) = Setup();
        var (encoder, decoder) = (m.Q.Calls, m.P.Calls);
        m.Everything(x);
        Assert.That(m.Q.Calls - encoder, Is.EqualTo(1), "q(z|x) feeds KL, E and H: one forward pass");
        Assert.That(m.P.Calls - decoder, Is.EqualTo(1));

        // The dynamic API shares forward passes within one evaluation too (ForwardMemo): Pixyz 0.3 without its memo ran three.
        var dynamic = (new KullbackLeibler(m.Q, m.Pz) - new Expectation(m.Q, m.P.LogProbLoss()) + 0.1 * new Entropy(m.Q)).Mean();
        (encoder, decoder) = (m.Q.Calls, m.P.Calls);
        dynamic.Eval(new Variables { ["x"] = x });
        Assert.That(m.Q.Calls - encoder, Is.EqualTo(1));
        dynamic.Eval(new Variables { ["x"] = x });
        Assert.That(m.Q.Calls - encoder, Is.EqualTo(2), "a new evaluation computes again");
    }
}
