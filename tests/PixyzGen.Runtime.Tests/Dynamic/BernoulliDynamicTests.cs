using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Bernoulli through the dynamic API: the generated path has its own tests, this one checks the registry and the variable-fed form.</summary>
public class BernoulliDynamicTests
{
    private static readonly double[] P = { 0.2, 0.9 };
    private static readonly double[] Q = { 0.5, 0.6 };

    [Test]
    public void Entropy_and_KL_are_the_closed_forms()
    {
        using var p = new Bernoulli(tensor(P));
        using var q = new Bernoulli(tensor(Q));
        var entropy = P.Sum(v => -(v * Math.Log(v) + (1 - v) * Math.Log(1 - v)));
        var kl = P.Select((v, i) => v * Math.Log(v / Q[i]) + (1 - v) * Math.Log((1 - v) / (1 - Q[i]))).Sum();
        Assert.That(p.Entropy(Variables.Empty).item<double>(), Is.EqualTo(entropy).Within(1e-9));
        Assert.That(KL.Divergence(p, q).item<double>(), Is.EqualTo(kl).Within(1e-9));
        Assert.That(p.SampleVariance(Variables.Empty).data<double>().ToArray(), Is.EqualTo(P.Select(v => v * (1 - v))).Within(1e-12));
    }

    [Test]
    public void Monte_Carlo_KL_agrees_with_the_closed_form()
    {
        manual_seed(14);
        using var p = new Bernoulli(tensor(P));
        using var q = new Bernoulli(tensor(Q));
        const int n = 40_000;
        var draws = p.Sample(sampleShape: new long[] { n });
        var standardError = (p.LogProb(draws) - q.LogProb(draws)).std().item<double>() / Math.Sqrt(n);
        Assert.That(Math.Abs(KL.MonteCarlo(p, q, samples: n).item<double>() - KL.Divergence(p, q).item<double>()), Is.LessThan(3 * standardError));
    }

    [Test]
    public void Probabilities_fed_by_a_variable_score_and_sample_per_batch_element()
    {
        using var p = new Bernoulli("pi", var: new[] { "x" }, condVar: new[] { "pi" });
        using var pi = tensor(new[] { 0.25, 0.75 }).reshape(2, 1);
        using var x = tensor(new[] { 1.0, 0.0 }).reshape(2, 1);
        var logProb = p.LogProb(new Variables { ["pi"] = pi, ["x"] = x }).data<double>().ToArray();
        Assert.That(logProb, Is.EqualTo(new[] { Math.Log(0.25), Math.Log(0.25) }).Within(1e-12));
        Assert.That(p.Sample(new Variables { ["pi"] = pi })["x"].shape, Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(p.GetParams(new Variables { ["pi"] = pi })["probs"].data<double>().ToArray(), Is.EqualTo(new[] { 0.25, 0.75 }));
    }
}
