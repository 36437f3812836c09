using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>A generated deterministic distribution: drawing is evaluating Forward, in typed code, models and losses alike.</summary>
public class DeterministicTests
{
    [Test]
    public void Typed_and_dynamic_draws_are_the_network_output()
    {
        manual_seed(8);
        using var d = new Features();
        using var x = randn(4, 3);
        var typed = d.Sample(x);
        Assert.That(typed.shape, Is.EqualTo(new long[] { 4, 2 }));
        Assert.That(d.Sample(new Variables { ["x"] = x })["h"].equal(typed).all().item<bool>(), Is.True);
        Assert.That(d.RSample(x).requires_grad, Is.True, "gradients flow through a deterministic node");
        Assert.That(typeof(Features).GetMethod("LogProb", new[] { typeof(Tensor), typeof(Tensor) }), Is.Null, "no density is generated");
    }

    [Test]
    public void The_model_samples_through_the_node_and_has_no_joint_density()
    {
        manual_seed(9);
        using var model = new FeatureClassifier();
        using var x = randn(5, 3);
        var sample = model.Sample(x);
        Assert.That(sample.H.equal(model.D.Sample(x)).all().item<bool>(), Is.True);
        Assert.That(sample.Y.shape, Is.EqualTo(new long[] { 5, 1 }));
        Assert.That(typeof(FeatureClassifier).GetMethod("LogProb"), Is.Null);
    }

    [Test]
    public void The_loss_equals_the_dynamic_expectation_and_runs_the_network_once()
    {
        manual_seed(10);
        using var model = new FeatureClassifier();
        using var x = randn(6, 3);
        using var y = bernoulli(full(6, 1, 0.5f));
        var calls = model.D.Calls;
        var generated = model.NegativeLogLikelihood(x, y);
        Assert.That(model.D.Calls - calls, Is.EqualTo(1));
        var dynamic = (-new Expectation(model.D, model.P.LogProbLoss())).Mean().Eval(new Variables { ["x"] = x, ["y"] = y });
        Assert.That(generated.allclose(dynamic), Is.True);
    }
}
