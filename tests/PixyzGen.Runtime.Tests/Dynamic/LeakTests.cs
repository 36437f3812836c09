using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Dynamic sampling and scoring inside dispose scopes leave no live tensors behind.</summary>
public class LeakTests
{
    [Test]
    public void Ten_thousand_samples_and_scores_return_the_live_tensor_count_to_where_it_started()
    {
        using var prior = new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 4 });
        using var likelihood = new Bernoulli("pi", var: new[] { "x" }, condVar: new[] { "pi" });
        using var categorical = new Categorical(tensor(new[] { 0.2, 0.3, 0.5 }), var: new[] { "c" });
        var joint = new Deterministic(v => v["z"].sigmoid(), var: new[] { "pi" }, condVar: new[] { "z" }) * prior;
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 10_000; i++)
        {
            using var scope = NewDisposeScope();
            var sample = joint.Sample(batchN: 8);
            var x = likelihood.Sample(sample)["x"];
            _ = likelihood.LogProb(sample.With("x", x)) + prior.LogProb(sample);
            _ = KL.Divergence(prior, prior) + categorical.LogProb(categorical.Sample(batchN: 8));
        }
        Assert.That(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }
}
