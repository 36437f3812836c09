using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>Pixyz's normalizing_flow_toy target: the unnormalized banana density, written as a custom density.</summary>
[Distribution("p(z)")]
public sealed partial class Banana : CustomDensity
{
    /// <summary>The notebook's log_prob: one value per row, shaped [batch, 1] as Pixyz's chunk leaves it (summed by the Runtime).</summary>
    public Tensor LogDensity(Tensor z)
    {
        var z1 = z[.., 0..1];
        var z2 = z[.., 1..2];
        var norm = (z1.square() + z2.square()).sqrt();
        var exp1 = (-0.5 * ((z1 - 2) / 0.6).square()).exp();
        var exp2 = (-0.5 * ((z1 + 2) / 0.6).square()).exp();
        var u = 0.5 * ((norm - 2) / 0.4).square() - (exp1 + exp2).log();
        return -u;
    }
}

/// <summary>The notebook's q: a standard Normal over x through 32 planar layers, named z.</summary>
[Distribution("q(z)")]
public sealed partial class BananaFlow : TransformedDistribution
{
    public BananaFlow() : base(new Normal(0.0, 1.0, var: new[] { "x" }, features: new long[] { 2 }, name: "prior"), Enumerable.Range(0, 32).Select(_ => (FlowLayer)new PlanarLayer(2)).ToArray())
    {
    }
}

/// <summary>Variational inference against the banana: Pixyz's VI(p, q) loss, -ELBO, written in the DSL.</summary>
[Model("p(z) = p(z)")]
public sealed partial class BananaVi : GenerativeModel
{
    public Banana P { get; } = new();
    public BananaFlow Q { get; } = new();

    [Loss("mean(E_q(z)[log q(z) - log p(z)])")]
    public partial Tensor NegativeElbo();

    [Loss("mean(KL(q(z) || p(z)))")]
    public partial Tensor Kl();
}

/// <summary>An energy conditioned on a variable: log p(x|y) = -|x - y|^2 / 2 per element (summed by the Runtime).</summary>
[Distribution("p(x|y)")]
public sealed partial class Spring : CustomDensity
{
    private Tensor LogDensity(Tensor x, Tensor y) => -0.5 * (x - y).square();
}

public class CustomDensityTests
{
    /// <summary>The banana's log-density at one point, in doubles, from the notebook's formula.</summary>
    private static double BananaAt(double z1, double z2)
    {
        var norm = Math.Sqrt(z1 * z1 + z2 * z2);
        var u = 0.5 * Math.Pow((norm - 2) / 0.4, 2) - Math.Log(Math.Exp(-0.5 * Math.Pow((z1 - 2) / 0.6, 2)) + Math.Exp(-0.5 * Math.Pow((z1 + 2) / 0.6, 2)));
        return -u;
    }

    [Test]
    public void The_typed_and_dynamic_log_densities_are_the_notebooks_formula_one_value_per_row()
    {
        using var banana = new Banana();
        var points = new[,] { { 0.0, 2.0 }, { 1.5, -1.0 }, { -2.2, 0.3 } };
        var z = tensor(points, dtype: ScalarType.Float64);
        var typed = banana.LogProb(z);
        var dynamic = banana.LogProb(new Variables { ["z"] = z });
        Assert.That(typed.shape, Is.EqualTo(new long[] { 3 }), "the [batch, 1] result is summed to one value per row, as Pixyz's sum_samples does");
        for (var i = 0; i < 3; i++)
        {
            Assert.That(typed[i].item<double>(), Is.EqualTo(BananaAt(points[i, 0], points[i, 1])).Within(1e-12));
            Assert.That(dynamic[i].item<double>(), Is.EqualTo(typed[i].item<double>()));
        }
        Assert.That(banana.Prob(new Variables { ["z"] = z })[0].item<double>(), Is.EqualTo(Math.Exp(BananaAt(0, 2))).Within(1e-12));
        Assert.That(banana.ProbText, Is.EqualTo("p(z)"));
        Assert.That(banana.DistributionName, Is.EqualTo("Custom PDF"));
    }

    [Test]
    public void A_conditional_energy_scores_at_its_condition_and_sums_element_wise_results()
    {
        using var spring = new Spring();
        var x = tensor(new[,] { { 1.0, 2.0 }, { 0.0, 0.0 } }, dtype: ScalarType.Float64);
        var y = tensor(new[,] { { 0.0, 0.0 }, { 1.0, -1.0 } }, dtype: ScalarType.Float64);
        var typed = spring.LogProb(x, y);
        Assert.That(typed.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(typed[0].item<double>(), Is.EqualTo(-0.5 * (1 + 4)).Within(1e-12));
        Assert.That(typed[1].item<double>(), Is.EqualTo(-0.5 * (1 + 1)).Within(1e-12));
        var elementwise = spring.LogProb(new Variables { ["x"] = x, ["y"] = y }, sumFeatures: false);
        Assert.That(elementwise.shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(spring.InputVar, Is.EqualTo(new[] { "x", "y" }), "scoring needs the value and the condition");
    }

    [Test]
    public void A_log_density_of_the_wrong_shape_names_the_distribution_the_variable_and_both_shapes()
    {
        using var scalar = new CustomLikelihoodDistribution(v => v["z"].sum(), var: new[] { "z" });
        var error = Assert.Throws<ArgumentException>(() => scalar.LogProb(new Variables { ["z"] = ones(4, 2) }));
        Assert.That(error!.Message, Does.Contain("p(z) (CustomLikelihoodDistribution)").And.Contain("'z'").And.Contain("[]").And.Contain("[4, 2]"));
        var missing = Assert.Throws<ArgumentException>(() => new Spring().LogProb(new Variables { ["x"] = ones(2, 2) }));
        Assert.That(missing!.Message, Does.Contain("'y' is missing"));
    }

    [Test]
    public void A_custom_density_cannot_be_sampled_and_its_model_has_no_Sample()
    {
        using var banana = new Banana();
        var error = Assert.Throws<NotSupportedException>(() => banana.Sample(batchN: 2));
        Assert.That(error!.Message, Does.Contain("p(z) (Banana)").And.Contain("cannot be sampled"));
        Assert.That(typeof(Banana).GetMethods().Where(m => m.Name == "Sample" && m.DeclaringType == typeof(Banana)), Is.Empty);
        Assert.That(typeof(BananaVi).GetMethods().Where(m => m.Name == "Sample" && m.DeclaringType == typeof(BananaVi)), Is.Empty,
            "the model's ancestral Sample would draw from the banana: it is not generated");
        Assert.That(typeof(BananaVi).GetMethod("LogProb", new[] { typeof(Tensor) }), Is.Not.Null, "the joint log-density is");
    }

    [Test]
    public void The_generated_loss_equals_Pixyz_VI_on_the_same_seed()
    {
        manual_seed(31);
        using var model = new BananaVi();
        using var vi = new VI(model.P, model.Q) { BatchSize = 64 };
        manual_seed(32);
        double generated;
        using (SamplingBatch.Use(64)) generated = model.NegativeElbo().item<float>();
        manual_seed(32);
        var dynamic = vi.Test(Variables.Empty);
        Assert.That(generated, Is.EqualTo(dynamic).Within(1e-5 * Math.Abs(dynamic)));
        Assert.That(vi.Loss.ToString(), Is.EqualTo("mean(-E_q(z)[log p(z) - log q(z)])"));
        manual_seed(33);
        double kl;
        using (SamplingBatch.Use(64)) kl = model.Kl().item<float>();
        manual_seed(33);
        double reverse;
        using (SamplingBatch.Use(64)) reverse = model.NegativeElbo().item<float>();
        Assert.That(kl, Is.EqualTo(reverse).Within(1e-5 * Math.Abs(reverse)), "the Monte Carlo KL towards a custom density is the same estimate");
    }

    [Test]
    public void Training_the_flow_moves_its_draws_onto_the_banana()
    {
        manual_seed(34);
        using var model = new BananaVi();
        using var optimizer = optim.Adam(model.Q.parameters(), 1e-2);
        using var batch = SamplingBatch.Use(128);
        double MeanLogDensityOfDraws()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            return model.P.LogProb(model.Q.Sample(512)).mean().item<float>();
        }
        var before = MeanLogDensityOfDraws();
        double first = 0, last = 0;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.NegativeElbo();
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        var after = MeanLogDensityOfDraws();
        Assert.That(double.IsFinite(last), Is.True);
        Assert.That(last, Is.LessThan(first - 1), "the negative ELBO falls");
        Assert.That(after, Is.GreaterThan(before + 1), $"draws land where the banana is high ({before:F2} -> {after:F2})");
    }
}
