using System;
using System.Linq;
using static PixyzGen.Runtime.Tests.Reference.SpecialFunctions;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>The Concrete relaxations: normalized densities, reparameterized draws, and hard draws as the temperature falls.</summary>
public class RelaxedFamilyTests
{
    [TestCase(1.0)]
    [TestCase(2.0)]
    [TestCase(3.0)]
    public void Binary_Concrete_density_integrates_to_one_and_matches_its_formula(double temperature)
    {
        const double probability = 0.3;
        using var p = new RelaxedBernoulli(temperature, tensor(new[] { probability })) { ExactDensity = true };
        var grid = Enumerable.Range(1, 19_999).Select(i => i / 20_000.0).ToArray();
        using var x = tensor(grid).reshape(-1, 1);
        var density = p.Prob(new Variables { ["x"] = x }).data<double>().ToArray();
        var h = 1 / 20_000.0;
        Assert.That(density.Sum() * h, Is.EqualTo(1).Within(0.01));

        // Maddison et al. (2017), binary Concrete (below temperature 1 the density is unbounded at 0 and 1, so a grid misses mass), with location alpha = p / (1 - p).
        var alpha = probability / (1 - probability);
        double Formula(double y) => temperature * alpha * Math.Pow(y, -temperature - 1) * Math.Pow(1 - y, -temperature - 1)
                                    / Math.Pow(alpha * Math.Pow(y, -temperature) + Math.Pow(1 - y, -temperature), 2);
        foreach (var i in new[] { 1000, 7000, 15_000 }) Assert.That(density[i - 1], Is.EqualTo(Formula(grid[i - 1])).Within(1e-9 * Formula(grid[i - 1]) + 1e-12));
    }

    [Test]
    public void Concrete_density_over_two_classes_integrates_to_one()
    {
        using var p = new RelaxedCategorical(0.7, tensor(new[] { 0.3, 0.7 })) { ExactDensity = true };
        const int n = 20_000;
        var grid = Enumerable.Range(1, n - 1).Select(i => (double)i / n).ToArray();
        using var x = tensor(grid.SelectMany(t => new[] { t, 1 - t }).ToArray()).reshape(-1, 2);
        // The density is over the simplex's first coordinate: the same one-dimensional integral.
        var mass = p.Prob(new Variables { ["x"] = x }).sum().item<double>() / n;
        Assert.That(mass, Is.EqualTo(1).Within(0.01));
        Assert.That(LogGamma(2), Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void By_default_labels_score_as_the_unrelaxed_families_as_in_Pixyz()
    {
        // M2's -log q(y|x) on one-hot labels: the categorical log-probability, not the degenerate Concrete density.
        var probs = new[] { 0.2, 0.5, 0.3 };
        using var c = new RelaxedCategorical(0.5, tensor(probs), var: new[] { "y" });
        using var labels = tensor(new[] { 0.0, 1.0, 0.0, 0.0, 0.0, 1.0 }).reshape(2, 3);
        Assert.That(c.LogProb(new Variables { ["y"] = labels }).data<double>().ToArray(), Is.EqualTo(new[] { Math.Log(0.5), Math.Log(0.3) }).Within(1e-12));
        // A relaxed draw scores as its argmax class, as torch's OneHotCategorical does.
        using var soft = tensor(new[] { 0.6, 0.3, 0.1 }).reshape(1, 3);
        Assert.That(c.LogProb(new Variables { ["y"] = soft }).item<double>(), Is.EqualTo(Math.Log(0.2)).Within(1e-12));

        using var b = new RelaxedBernoulli(0.5, tensor(new[] { 0.8, 0.3 }), var: new[] { "y" });
        using var values = tensor(new[] { 1.0, 0.25 }).reshape(1, 2);
        var expected = Math.Log(0.8) + 0.25 * Math.Log(0.3) + 0.75 * Math.Log(0.7);
        Assert.That(b.LogProb(new Variables { ["y"] = values }).item<double>(), Is.EqualTo(expected).Within(1e-9));

        c.ExactDensity = true;
        Assert.That(c.LogProb(new Variables { ["y"] = labels }).data<double>(), Has.All.GreaterThan(100), "the Concrete density is degenerate at one-hot labels");
    }

    [Test]
    public void Relaxed_draws_tend_to_one_hot_as_the_temperature_falls()
    {
        manual_seed(6);
        var distanceFromOneHot = new[] { 5.0, 1.0, 0.1, 0.001 }.Select(t =>
        {
            using var p = new RelaxedCategorical(t, tensor(new[] { 0.2, 0.5, 0.3 }));
            var x = p.Sample(batchN: 5000)["x"];
            return (1 - x.max(-1).values).mean().item<double>();
        }).ToArray();
        Assert.That(distanceFromOneHot, Is.Ordered.Descending);
        Assert.That(distanceFromOneHot[^1], Is.LessThan(1e-3));

        var distanceFromBinary = new[] { 5.0, 1.0, 0.1, 0.001 }.Select(t =>
        {
            using var p = new RelaxedBernoulli(t, tensor(new[] { 0.4 }));
            var x = p.Sample(batchN: 5000)["x"];
            return minimum(x, 1 - x).mean().item<double>();
        }).ToArray();
        Assert.That(distanceFromBinary, Is.Ordered.Descending);
        Assert.That(distanceFromBinary[^1], Is.LessThan(1e-3));
    }

    [Test]
    public void Relaxed_draws_at_low_temperature_pick_classes_with_their_probabilities()
    {
        manual_seed(9);
        using var p = new RelaxedCategorical(0.05, tensor(new[] { 0.2, 0.5, 0.3 }));
        var x = p.Sample(batchN: 50_000)["x"];
        var frequencies = x.argmax(-1).bincount(null, 3).to(ScalarType.Float64).div(50_000).data<double>().ToArray();
        Assert.That(frequencies, Is.EqualTo(new[] { 0.2, 0.5, 0.3 }).Within(0.01));
    }

    [Test]
    public void Temperature_must_be_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RelaxedBernoulli(0, tensor(new[] { 0.5 })));
        Assert.That(error!.Message, Does.Contain("temperature"));
        using var p = new RelaxedCategorical(1, tensor(new[] { 0.5, 0.5 }), var: new[] { "y" });
        var annealed = Assert.Throws<ArgumentOutOfRangeException>(() => p.Temperature = -1);
        Assert.That(annealed!.Message, Does.Contain("p(y)").And.Contain("temperature"));
    }

    [Test]
    public void Factorized_Bernoulli_ignores_absent_attributes()
    {
        using var p = new FactorizedBernoulli(tensor(new[] { 0.2, 0.7, 0.9 }));
        using var x = tensor(new[] { 1.0, 0.0, 1.0 });
        Assert.That(p.LogProb(new Variables { ["x"] = x }).item<double>(), Is.EqualTo(Math.Log(0.2) + Math.Log(0.9)).Within(1e-12));
        Assert.That(KL.HasClosedForm(p, p), Is.False);
    }
}
