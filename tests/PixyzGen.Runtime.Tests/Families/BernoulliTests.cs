using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Families;

/// <summary>Bernoulli log-mass and entropy against closed forms, from probabilities and from logits.</summary>
public class BernoulliTests
{
    private static readonly double[] Probs = { 0.1, 0.5, 0.9, 0.3 };
    private static readonly double[] Values = { 0, 1, 1, 0.25 }; // grey levels, as Pixyz's MNIST examples use

    private static double ClosedFormLogMass() =>
        Values.Select((x, i) => x * Math.Log(Probs[i]) + (1 - x) * Math.Log(1 - Probs[i])).Sum();

    [Test]
    public void Log_mass_from_probabilities_is_the_closed_form()
    {
        using var p = new ConstantBernoulli(tensor(Probs));
        Assert.That(p.LogProb(tensor(Values).unsqueeze(0)).item<double>(), Is.EqualTo(ClosedFormLogMass()).Within(1e-9));
    }

    [Test]
    public void Log_mass_from_logits_is_the_closed_form()
    {
        using var p = new LogitBernoulli();
        var logits = Probs.Select(q => Math.Log(q / (1 - q))).ToArray();
        using var result = p.LogProb(tensor(Values).unsqueeze(0), tensor(logits).unsqueeze(0));
        Assert.That(result.item<double>(), Is.EqualTo(ClosedFormLogMass()).Within(1e-9));
    }

    [Test]
    public void Log_mass_from_logits_broadcasts_parameters_over_the_batch()
    {
        using var p = new LogitBernoulli();
        var logits = Probs.Select(q => Math.Log(q / (1 - q))).ToArray();
        using var values = tensor(Values).unsqueeze(0).expand(3, -1);
        using var result = p.LogProb(values, tensor(logits).unsqueeze(0));
        Assert.That(result.shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(result.data<double>().ToArray(), Has.All.EqualTo(ClosedFormLogMass()).Within(1e-9));
    }

    [Test]
    public void Entropy_is_the_closed_form()
    {
        using var p = new ConstantBernoulli(tensor(Probs));
        var expected = -Probs.Sum(q => q * Math.Log(q) + (1 - q) * Math.Log(1 - q));
        Assert.That(p.Entropy().item<double>(), Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Samples_are_binary_with_the_right_frequencies()
    {
        manual_seed(5);
        using var p = new ConstantBernoulli(tensor(Probs));
        using var samples = p.Sample(100_000);
        Assert.That(samples.shape, Is.EqualTo(new long[] { 100_000, 4 }));
        Assert.That((samples.eq(0) | samples.eq(1)).all().item<bool>(), Is.True);
        var frequencies = samples.mean(new long[] { 0 }).data<double>().ToArray();
        for (var i = 0; i < Probs.Length; i++)
            Assert.That(frequencies[i], Is.EqualTo(Probs[i]).Within(4 * Math.Sqrt(Probs[i] * (1 - Probs[i]) / 100_000)));
    }

    [Test]
    public void Probabilities_outside_the_unit_interval_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantBernoulli(tensor(new[] { 0.5, 1.5 })));
        Assert.That(error!.Message, Does.Contain("ConstantBernoulli").And.Contain("[0, 1]"));
    }
}
