using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Products, renaming and marginalization of distributions.</summary>
public class CompositionTests
{
    private static Normal Prior() => new(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 });

    // x | z ~ N(z, 0.001): a draw of x sits on the z it was drawn from, which shows the sampling order.
    private static Normal Likelihood() => new("z", 1e-3, var: new[] { "x" }, condVar: new[] { "z" });

    [Test]
    public void A_product_samples_parents_first_and_its_log_density_is_the_sum_of_its_factors()
    {
        manual_seed(1);
        var joint = Likelihood() * Prior();
        Assert.That((joint.ProbText, joint.ProbFactorizedText), Is.EqualTo(("p(x,z)", "p(x|z)p(z)")));
        Assert.That(joint.SamplingOrder.Select(f => f.ProbText), Is.EqualTo(new[] { "p(z)", "p(x|z)" }));
        var sample = joint.Sample(batchN: 4);
        Assert.That(sample.Keys, Is.EquivalentTo(new[] { "x", "z" }));
        Assert.That((sample["x"] - sample["z"]).abs().max().item<float>(), Is.LessThan(0.01f));
        var expected = joint.Factors[0].LogProb(sample) + joint.Factors[1].LogProb(sample);
        Assert.That(joint.LogProb(sample).allclose(expected), Is.True);
    }

    [Test]
    public void A_product_with_sample_shape_keeps_it_through_every_factor()
    {
        var joint = Likelihood() * Prior();
        var sample = joint.Sample(batchN: 3, sampleShape: new long[] { 5 });
        Assert.That(sample["z"].shape, Is.EqualTo(new long[] { 5, 3, 2 }));
        Assert.That(sample["x"].shape, Is.EqualTo(new long[] { 5, 3, 2 }));
        Assert.That(joint.LogProb(sample).shape, Is.EqualTo(new long[] { 5, 3 }));
    }

    [Test]
    public void A_conditional_product_needs_its_outside_inputs_and_passes_them_through()
    {
        var encoder = new Normal("x", 1.0, var: new[] { "z" }, condVar: new[] { "x" });
        var decoder = new Normal("z", 1.0, var: new[] { "y" }, condVar: new[] { "z" });
        var joint = decoder * encoder;
        Assert.That((joint.ProbText, joint.InputVar), Is.EqualTo(("p(y,z|x)", new[] { "x" })));
        var error = Assert.Throws<ArgumentException>(() => joint.Sample());
        Assert.That(error!.Message, Does.Contain("'x'").And.Contain("missing"));
        var sample = joint.Sample(new Variables { ["x"] = zeros(6, 2) });
        Assert.That(sample.Keys, Is.EqualTo(new[] { "x", "z", "y" }));
        Assert.That(joint.Sample(new Variables { ["x"] = zeros(6, 2) }, returnAll: false).Keys, Is.EquivalentTo(new[] { "y", "z" }));
    }

    [Test]
    public void Conflicting_factors_are_refused_naming_the_variable_and_both_factors()
    {
        var fromZ = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" });
        var fromY = new Normal("y", 1.0, var: new[] { "x" }, condVar: new[] { "y" });
        var error = Assert.Throws<ArgumentException>(() => _ = fromZ * fromY);
        Assert.That(error!.Message, Does.Contain("Conflicting").And.Contain("'x'").And.Contain("p(x|z)").And.Contain("p(x|y)"));
    }

    [Test]
    public void Cycles_are_refused_with_the_cycle_spelled_out()
    {
        var xFromZ = new Normal("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" });
        var zFromX = new Normal("x", 1.0, var: new[] { "z" }, condVar: new[] { "x" });
        var error = Assert.Throws<ArgumentException>(() => _ = xFromZ * zFromX);
        Assert.That(error!.Message, Does.Contain("Recursive").And.Contain("x -> z -> x").Or.Contain("z -> x -> z"));
    }

    [Test]
    public void Replacing_a_variable_renames_it_everywhere_and_keeps_the_numbers()
    {
        var p = Likelihood();
        var renamed = p.ReplaceVar(("z", "y"));
        Assert.That((renamed.ProbText, renamed.InputVar), Is.EqualTo(("p(x|y)", new[] { "y" })));
        using var y = tensor(new[] { 0.5f, -0.5f });
        using var x = tensor(new[] { 0.501f, -0.5f });
        var direct = p.LogProb(new Variables { ["x"] = x, ["z"] = y });
        Assert.That(renamed.LogProb(new Variables { ["x"] = x, ["y"] = y }).item<float>(), Is.EqualTo(direct.item<float>()));
        Assert.That(renamed.Sample(new Variables { ["y"] = y }).Keys, Is.EqualTo(new[] { "y", "x" }));
        Assert.That(Assert.Throws<ArgumentException>(() => p.ReplaceVar(("w", "v")))!.Message, Does.Contain("no variable 'w'"));
        Assert.That(Assert.Throws<ArgumentException>(() => p.ReplaceVar(("z", "x")))!.Message, Does.Contain("both 'x'"));
    }

    [Test]
    public void Marginalizing_drops_the_variable_from_draws_and_refuses_a_density()
    {
        var marginal = (Likelihood() * Prior()).MarginalizeVar("z");
        Assert.That(marginal.ProbText, Is.EqualTo("p(x)"));
        var sample = marginal.Sample(batchN: 3);
        Assert.That((sample.Keys.Single(), sample["x"].shape), Is.EqualTo(("x", new long[] { 3, 2 })));
        Assert.Throws<NotSupportedException>(() => marginal.LogProb(sample));
        Assert.That(Assert.Throws<ArgumentException>(() => Prior().MarginalizeVar("z"))!.Message, Does.Contain("leaves nothing"));
        Assert.That(Assert.Throws<ArgumentException>(() => Prior().MarginalizeVar("q"))!.Message, Does.Contain("'q'"));
    }

    [Test]
    public void Sum_samples_keeps_the_first_dimension()
    {
        using var samples = ones(4, 3, 2);
        Assert.That(Distribution.SumSamples(samples).data<float>().ToArray(), Is.EqualTo(new[] { 6f, 6f, 6f, 6f }));
        using var vector = ones(4);
        Assert.That(Distribution.SumSamples(vector).shape, Is.EqualTo(new long[] { 4 }));
    }
}
