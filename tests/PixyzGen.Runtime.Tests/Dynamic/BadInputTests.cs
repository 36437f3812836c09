using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Every kind of bad input fails with a message that names the distribution and the variable.</summary>
public class BadInputTests
{
    [Test]
    public void A_missing_input_names_the_distribution_the_variable_and_what_was_given()
    {
        using var q = new Normal("x", 1.0, var: new[] { "z" }, condVar: new[] { "x" }, name: "q");
        var error = Assert.Throws<ArgumentException>(() => q.Sample(new Variables { ["y"] = zeros(2, 3) }));
        Assert.That(error!.Message, Does.Contain("q(z|x)").And.Contain("'x'").And.Contain("[y]"));
        Assert.That(Assert.Throws<ArgumentException>(() => q.LogProb(new Variables { ["x"] = zeros(2, 3) }))!.Message, Does.Contain("'z'"));
    }

    [Test]
    public void A_value_of_the_wrong_shape_names_both_shapes()
    {
        using var p = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 4 });
        var error = Assert.Throws<ArgumentException>(() => p.LogProb(new Variables { ["z"] = zeros(2, 3) }));
        Assert.That(error!.Message, Does.Contain("p(z)").And.Contain("'z'").And.Contain("[2, 3]").And.Contain("[4]"));
    }

    [Test]
    public void A_value_of_the_wrong_dtype_names_it()
    {
        using var p = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 });
        var error = Assert.Throws<ArgumentException>(() => p.LogProb(new Variables { ["z"] = zeros(new long[] { 3, 2 }, ScalarType.Int64) }));
        Assert.That(error!.Message, Does.Contain("p(z)").And.Contain("'z'").And.Contain("Int64").And.Contain("floating-point"));
        using var index = new Categorical(tensor(new[] { 0.5, 0.5 }), oneHot: false, var: new[] { "y" });
        Assert.That(Assert.Throws<ArgumentException>(() => index.LogProb(new Variables { ["y"] = zeros(3) }))!.Message, Does.Contain("'y'").And.Contain("Float32").And.Contain("integer class indices"));
    }

    [Test]
    public void A_negative_scale_fails_when_built_or_when_read_from_a_variable()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new Normal(0.0, -1.0, var: new[] { "z" }))!.Message,
            Does.Contain("p(z)").And.Contain("'scale'"));
        using var p = new Normal(0.0, "s", var: new[] { "z" }, condVar: new[] { "s" });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => p.Sample(new Variables { ["s"] = tensor(new[] { 1f, -2f }) }));
        Assert.That(error!.Message, Does.Contain("p(z|s)").And.Contain("'scale'").And.Contain("variable 's'"));
    }

    [Test]
    public void Probabilities_outside_the_unit_interval_fail()
    {
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new Bernoulli(1.5, var: new[] { "x" }))!.Message, Does.Contain("'probs'"));
        using var p = new Bernoulli("pi", var: new[] { "x" }, condVar: new[] { "pi" });
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => p.Sample(new Variables { ["pi"] = tensor(new[] { -0.1f }) }))!.Message,
            Does.Contain("p(x|pi)").And.Contain("variable 'pi'"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new Categorical(tensor(new[] { 0.5, -0.5 }), var: new[] { "c" }))!.Message, Does.Contain("p(c)"));
    }

    [Test]
    public void A_parameter_naming_an_undeclared_variable_fails_when_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new Normal("mu", 1.0, var: new[] { "x" }));
        Assert.That(error!.Message, Does.Contain("'loc'").And.Contain("'mu'").And.Contain("condVar"));
    }

    [Test]
    public void Bad_signatures_fail_when_built()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => new Normal(0.0, 1.0, var: new[] { "x" }, condVar: new[] { "x" }))!.Message,
            Does.Contain("'x'").And.Contain("both"));
        Assert.That(Assert.Throws<ArgumentException>(() => new Normal(0.0, 1.0, var: new[] { "x", "x" }))!.Message, Does.Contain("twice"));
        Assert.That(Assert.Throws<ArgumentException>(() => new Normal(0.0, 1.0, var: new[] { "x", "y" }))!.Message, Does.Contain("exactly one variable"));
    }

    [Test]
    public void Reparameterized_draws_from_a_family_without_them_fail()
    {
        using var p = new Bernoulli(0.5, var: new[] { "x" });
        Assert.That(Assert.Throws<NotSupportedException>(() => p.Sample(reparam: true))!.Message, Does.Contain("p(x)").And.Contain("reparameter"));
    }

    [Test]
    public void KL_between_different_variables_fails()
    {
        using var p = new Normal(0.0, 1.0, var: new[] { "z" });
        using var q = new Normal(0.0, 1.0, var: new[] { "y" });
        Assert.That(Assert.Throws<ArgumentException>(() => KL.Divergence(p, q))!.Message, Does.Contain("[z]").And.Contain("[y]"));
    }

    [Test]
    public void Typed_calls_refuse_a_value_whose_features_would_be_broadcast()
    {
        using var p = new Generated.GNormal();
        using var c = zeros(3, 2);
        var error = Assert.Throws<ArgumentException>(() => p.LogProb(zeros(3, 1), c));
        Assert.That(error!.Message, Does.Contain("p(v|c)").And.Contain("'v'").And.Contain("[3, 1]").And.Contain("[3, 2]"));
        var mismatch = Assert.Throws<ArgumentException>(() => p.LogProb(zeros(3, 5), c));
        Assert.That(mismatch!.Message, Does.Contain("'v'").And.Contain("[3, 5]").And.Contain("[3, 2]"));
        Assert.That(p.LogProb(zeros(4, 3, 2), c).shape, Is.EqualTo(new long[] { 4, 3 }), "sample dimensions broadcast");
    }
}
