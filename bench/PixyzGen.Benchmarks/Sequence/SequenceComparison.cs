using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Sequence;

/// <summary>
/// One Adam step of the deep Markov model over sequences of 10, 100 and 1000 steps (batch 32): the generated
/// <c>iterate(...)</c> loss, the dynamic <see cref="IterativeLoss"/> over the same members, and the recurrence unrolled by
/// hand in TorchSharp over the same networks; alternated in rotating order. Prints each median step and the time per
/// sequence step, and the ratios to the hand-written loop.
/// </summary>
public static class SequenceComparison
{
    public static int Run(int rounds = 5)
    {
        manual_seed(1);
        var model = new Dmm();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var dynamic = new IterativeLoss(new KullbackLeibler(model.Q, model.Prior) - new Expectation(model.Q, model.P.LogProbLoss()),
            new[] { "x" }, new Dictionary<string, string> { ["z"] = "z_prev" }).Mean();
        Console.WriteLine($"sequence: DMM x 16, z 8, 32 hidden, batch 32, {rounds} rounds, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var length in new[] { 10, 100, 1000 })
        {
            var x = bernoulli(full(length, 32, 16, 0.3));
            var start = zeros(32, 8);
            var inputs = new Variables { ["x"] = x, ["z_prev"] = start };
            var ways = new (string Name, Func<Tensor> Loss)[]
            {
                ("hand-written", () => HandWritten(model, x, start)),
                ("generated", () => model.Loss(x, start)),
                ("dynamic", () => dynamic.Eval(inputs)),
            };
            var repeats = Math.Max(3, 300 / length);
            var times = ways.ToDictionary(w => w.Name, _ => new List<double>());
            foreach (var (_, loss) in ways) Step(optimizer, loss);
            for (var round = 0; round < rounds; round++)
                foreach (var (name, loss) in ways.Skip(round % 3).Concat(ways.Take(round % 3)))
                    for (var i = 0; i < repeats; i++) times[name].Add(Time(() => Step(optimizer, loss)));
            var baseline = Median(times["hand-written"]);
            foreach (var (name, _) in ways)
            {
                var median = Median(times[name]);
                Console.WriteLine($"T = {length,4}  {name,-12} {median,9:F2} ms per step, {1000 * median / length,8:F1} us per time step, {median / baseline:F3}x hand-written");
            }
        }
        model.Dispose();
        return 0;
    }

    /// <summary>The same loss unrolled by hand: the networks called directly, closed-form KL, Bernoulli log-likelihood.</summary>
    private static Tensor HandWritten(Dmm model, Tensor x, Tensor start)
    {
        var total = zeros(32);
        var previous = start;
        for (var t = 0; t < x.shape[0]; t++)
        {
            var xt = x[t];
            var q = model.Q.Net.call(cat(new[] { xt, previous }, -1)).chunk(2, -1);
            var (qLoc, qScale) = (q[0], nn.functional.softplus(q[1]) + 1e-3);
            var p = model.Prior.Net.call(previous).chunk(2, -1);
            var (pLoc, pScale) = (p[0], nn.functional.softplus(p[1]) + 1e-3);
            var z = qLoc + qScale * randn_like(qLoc);
            var kl = (pScale.log() - qScale.log() + (qScale.square() + (qLoc - pLoc).square()) / (2 * pScale.square()) - 0.5).sum(-1);
            var logits = model.P.Net.call(z);
            var logLikelihood = -nn.functional.binary_cross_entropy_with_logits(logits, xt, reduction: nn.Reduction.None).sum(-1);
            total = total + kl - logLikelihood;
            previous = z;
        }
        return total.mean();
    }

    private static void Step(optim.Optimizer optimizer, Func<Tensor> loss) => Timing.TrainStep(optimizer, loss);

    private static double Time(Action step) => Timing.Milliseconds(step);

    private static double Median(List<double> values) => Timing.Median(values);
}
