using System;
using System.Linq;
using static PixyzGen.Runtime.Tests.Reference.SpecialFunctions;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Categorical, Multinomial and Dirichlet against formulas written here (sums, factorials, Beta integrals).</summary>
public class SimplexFamilyTests
{
    private static readonly double[] Probs = { 0.2, 0.5, 0.3 };
    private static readonly double[] OtherProbs = { 0.6, 0.1, 0.3 };

    [Test]
    public void One_hot_and_index_categoricals_score_the_log_of_the_class_probability()
    {
        using var oneHot = new Categorical(tensor(Probs));
        using var index = new Categorical(tensor(Probs), oneHot: false);
        using var classes = tensor(new long[] { 0, 2, 1 });
        var fromIndex = index.LogProb(new Variables { ["x"] = classes }).data<double>().ToArray();
        var fromOneHot = oneHot.LogProb(new Variables { ["x"] = nn.functional.one_hot(classes, 3).to(ScalarType.Float64) }).data<double>().ToArray();
        Assert.That(fromIndex, Is.EqualTo(new[] { Math.Log(0.2), Math.Log(0.3), Math.Log(0.5) }).Within(1e-12));
        Assert.That(fromOneHot, Is.EqualTo(fromIndex).Within(1e-12));
        Assert.That(oneHot.FeatureShape, Is.EqualTo(new long[] { 3 }));
        Assert.That(index.FeatureShape, Is.Empty);
    }

    [Test]
    public void Categorical_entropy_and_KL_are_sums_over_classes()
    {
        using var p = new Categorical(tensor(Probs));
        using var q = new Categorical(tensor(OtherProbs));
        Assert.That(p.Entropy(Variables.Empty).item<double>(), Is.EqualTo(-Probs.Sum(v => v * Math.Log(v))).Within(1e-12));
        var kl = Probs.Select((v, i) => v * Math.Log(v / OtherProbs[i])).Sum();
        Assert.That(KL.Divergence(p, q).item<double>(), Is.EqualTo(kl).Within(1e-12));
    }

    [Test]
    public void Categorical_draws_follow_the_probabilities()
    {
        manual_seed(2);
        using var p = new Categorical(tensor(Probs), oneHot: false);
        const int n = 100_000;
        var x = p.Sample(batchN: n)["x"];
        Assert.That((x.shape, x.dtype), Is.EqualTo((new long[] { n }, ScalarType.Int64)));
        for (var k = 0; k < 3; k++)
        {
            var frequency = x.eq(k).to(ScalarType.Float64).mean().item<double>();
            Assert.That(frequency, Is.EqualTo(Probs[k]).Within(4 * Math.Sqrt(Probs[k] * (1 - Probs[k]) / n)));
        }
        using var oneHot = new Categorical(tensor(Probs));
        var draw = oneHot.Sample(batchN: 7, sampleShape: new long[] { 2 })["x"];
        Assert.That(draw.shape, Is.EqualTo(new long[] { 2, 7, 3 }));
        Assert.That(draw.sum(-1).eq(1).all().item<bool>(), Is.True);
    }

    [Test]
    public void Categorical_Monte_Carlo_KL_agrees_with_the_closed_form()
    {
        manual_seed(4);
        using var p = new Categorical(tensor(Probs));
        using var q = new Categorical(tensor(OtherProbs));
        const int n = 40_000;
        var draws = p.Sample(sampleShape: new long[] { n });
        var standardError = (p.LogProb(draws) - q.LogProb(draws)).std().item<double>() / Math.Sqrt(n);
        var difference = KL.MonteCarlo(p, q, samples: n).item<double>() - KL.Divergence(p, q).item<double>();
        Assert.That(Math.Abs(difference), Is.LessThan(3 * standardError));
    }

    [Test]
    public void Multinomial_scores_the_multinomial_pmf_and_has_its_moments()
    {
        using var p = new Multinomial(5, tensor(Probs));
        double[] counts = { 1, 3, 1 };
        var expected = LogGamma(6) - counts.Sum(c => LogGamma(c + 1)) + counts.Select((c, i) => c * Math.Log(Probs[i])).Sum();
        Assert.That(p.LogProb(new Variables { ["x"] = tensor(counts) }).item<double>(), Is.EqualTo(expected).Within(1e-10));
        Assert.That(p.SampleMean(Variables.Empty).data<double>().ToArray(), Is.EqualTo(Probs.Select(v => 5 * v)).Within(1e-12));
        Assert.That(p.SampleVariance(Variables.Empty).data<double>().ToArray(), Is.EqualTo(Probs.Select(v => 5 * v * (1 - v))).Within(1e-12));
        manual_seed(8);
        var draws = p.Sample(batchN: 1000)["x"];
        Assert.That(draws.shape, Is.EqualTo(new long[] { 1000, 3 }));
        Assert.That(draws.sum(-1).eq(5).all().item<bool>(), Is.True, draws.sum(-1).ToString(TorchSharp.TensorStringStyle.Julia));
    }

    [Test]
    public void Two_class_Dirichlet_is_a_Beta_on_its_first_coordinate()
    {
        const double a = 2.5, b = 1.5, c = 1.2, d = 3.0;
        using var p = new Dirichlet(tensor(new[] { a, b }));
        using var q = new Dirichlet(tensor(new[] { c, d }));
        const double x = 0.35;
        var logPdf = (a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - LogBeta(a, b);
        Assert.That(p.LogProb(new Variables { ["x"] = tensor(new[] { x, 1 - x }) }).item<double>(), Is.EqualTo(logPdf).Within(1e-10));
        double LogP(double t) => (a - 1) * Math.Log(t) + (b - 1) * Math.Log(1 - t) - LogBeta(a, b);
        double LogQ(double t) => (c - 1) * Math.Log(t) + (d - 1) * Math.Log(1 - t) - LogBeta(c, d);
        var entropy = Integrate(t => -Math.Exp(LogP(t)) * LogP(t), 1e-12, 1 - 1e-12, 400_000);
        var kl = Integrate(t => Math.Exp(LogP(t)) * (LogP(t) - LogQ(t)), 1e-12, 1 - 1e-12, 400_000);
        Assert.That(p.Entropy(Variables.Empty).item<double>(), Is.EqualTo(entropy).Within(1e-5));
        Assert.That(KL.Divergence(p, q).item<double>(), Is.EqualTo(kl).Within(1e-5));
    }

    [Test]
    public void Three_class_Dirichlet_density_integrates_to_one_over_the_simplex()
    {
        using var p = new Dirichlet(tensor(new[] { 2.0, 3.0, 1.5 }));
        const int n = 600;
        var h = 1.0 / n;
        var points = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n - i).Select(j => ((i + 1.0 / 3) * h, (j + 1.0 / 3) * h)))
            .Where(t => t.Item1 + t.Item2 < 1).ToArray();
        using var x = tensor(points.SelectMany(t => new[] { t.Item1, t.Item2, 1 - t.Item1 - t.Item2 }).ToArray()).reshape(-1, 3);
        var mass = p.Prob(new Variables { ["x"] = x }).sum().item<double>() * h * h / 2 * 2;
        Assert.That(mass, Is.EqualTo(1).Within(0.01));
        Assert.That(p.SampleMean(Variables.Empty).data<double>().ToArray(), Is.EqualTo(new[] { 2 / 6.5, 3 / 6.5, 1.5 / 6.5 }).Within(1e-12));
    }

    [Test]
    public void Dirichlet_draws_lie_on_the_simplex_and_carry_gradients()
    {
        manual_seed(1);
        using var concentration = tensor(new[] { 0.7, 2.0, 4.0 }, requires_grad: true);
        using var p = new Dirichlet("alpha", var: new[] { "x" }, condVar: new[] { "alpha" });
        var x = p.Sample(new Variables { ["alpha"] = concentration.unsqueeze(0) }, reparam: true)["x"];
        Assert.That(x.sum(-1).item<double>(), Is.EqualTo(1).Within(1e-9));
        x[0, 2].backward();
        Assert.That(concentration.grad!.abs().sum().item<double>(), Is.GreaterThan(0));
    }

    [Test]
    public void Dirichlet_Monte_Carlo_KL_agrees_with_the_closed_form()
    {
        manual_seed(15);
        using var p = new Dirichlet(tensor(new[] { 2.0, 3.0, 1.5 }));
        using var q = new Dirichlet(tensor(new[] { 1.0, 1.0, 4.0 }));
        const int n = 40_000;
        var draws = p.Sample(sampleShape: new long[] { n });
        var standardError = (p.LogProb(draws) - q.LogProb(draws)).std().item<double>() / Math.Sqrt(n);
        var difference = KL.MonteCarlo(p, q, samples: n).item<double>() - KL.Divergence(p, q).item<double>();
        Assert.That(Math.Abs(difference), Is.LessThan(3 * standardError));
    }
}
