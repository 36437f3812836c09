using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>IterativeLoss against the same recurrence unrolled by hand.</summary>
public class IterativeLossTests
{
    // h_t = x_t + h_{t-1} / 2 (deterministic), x_t | h_{t-1} ~ N(h_{t-1}, 1); the step loss is -log p(x_t | h_{t-1}).
    private static Loss StepLoss()
    {
        var transition = new Deterministic(v => v["x"] + v["h_prev"] * 0.5, var: new[] { "h" }, condVar: new[] { "x", "h_prev" });
        var emission = new Normal("h_prev", 1.0, var: new[] { "x" }, condVar: new[] { "h_prev" });
        return new Expectation(transition, new NLL(emission));
    }

    [Test]
    public void The_unrolled_loss_equals_the_explicit_sum_over_steps()
    {
        manual_seed(7);
        var series = randn(5, 3, 2, dtype: ScalarType.Float64);                // [time, batch, features]
        var initial = randn(3, 2, dtype: ScalarType.Float64);
        var loss = new IterativeLoss(StepLoss(), seriesVar: new[] { "x" }, updateValue: new System.Collections.Generic.Dictionary<string, string> { ["h"] = "h_prev" });
        Assert.That(loss.InputVar, Is.EquivalentTo(new[] { "x", "h_prev" }));
        var value = loss.Eval(new Variables { ["x"] = series, ["h_prev"] = initial });

        var expected = zeros(3, dtype: ScalarType.Float64);
        var h = initial;
        for (var t = 0; t < 5; t++)
        {
            var x = series[t];
            expected += (x - h).square().mul(0.5).add(0.5 * Math.Log(2 * Math.PI)).sum(-1);
            h = x + h * 0.5;
        }
        Assert.That(value.data<double>().ToArray(), Is.EqualTo(expected.data<double>().ToArray()).Within(1e-12));
    }

    [Test]
    public void A_mask_drops_steps_and_max_iter_shortens_the_sequence()
    {
        var series = randn(4, 2, 1, dtype: ScalarType.Float64);
        var initial = zeros(2, 1, dtype: ScalarType.Float64);
        var updates = new System.Collections.Generic.Dictionary<string, string> { ["h"] = "h_prev" };
        var mask = tensor(new[] { 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0 }).reshape(4, 2);
        var masked = new IterativeLoss(StepLoss(), new[] { "x" }, updates, maskVar: "mask").Eval(new Variables { ["x"] = series, ["h_prev"] = initial, ["mask"] = mask });
        var stepTwo = new IterativeLoss(StepLoss(), new[] { "x" }, updates, maxIter: 2).Eval(new Variables { ["x"] = series, ["h_prev"] = initial });
        var full = new IterativeLoss(StepLoss(), new[] { "x" }, updates, maxIter: 3).Eval(new Variables { ["x"] = series, ["h_prev"] = initial });
        // Batch element 0 keeps steps 0, 1 (mask 1, 1, 0, 0): equal to two unmasked steps.
        Assert.That(masked[0].item<double>(), Is.EqualTo(stepTwo[0].item<double>()).Within(1e-12));
        Assert.That(full[0].item<double>(), Is.GreaterThan(stepTwo[0].item<double>()));
        Assert.Throws<ArgumentException>(() => new IterativeLoss(StepLoss(), Array.Empty<string>()));
    }
}
