using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Sequence;

/// <summary>
/// One Adam step of the deep Markov model over sequences of 10, 100 and 1000 steps (batch 32): the generated
/// <c>iterate(...)</c> loss, the dynamic <see cref="IterativeLoss"/> over the same members, and the recurrence unrolled by
/// hand in TorchSharp over the same networks and, when python has torch, the same loop in PyTorch and Pixyz's
/// IterativeLoss (bench/python/dmm_steps.py; Pixyz from the source tree given with --pixyz); alternated in rotating
/// order. Prints each median step and the time per sequence step, and the ratios to the hand-written loop.
/// </summary>
public static class SequenceComparison
{
    public static int Run(string[] args, int rounds = 5)
    {
        manual_seed(1);
        var model = new Dmm();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var dynamic = new IterativeLoss(new KullbackLeibler(model.Q, model.Prior) - new Expectation(model.Q, model.P.LogProbLoss()),
            new[] { "x" }, new Dictionary<string, string> { ["z"] = "z_prev" }).Mean();
        // PyTorch unrolled and Pixyz's IterativeLoss, when python has torch (and a Pixyz source tree is given).
        var python = SideBySide.SideBySideRunner.Option(args, "--python") ?? (System.IO.File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var script = System.IO.Path.Combine(AppContext.BaseDirectory, "python", "dmm_steps.py");
        using var worker = SideBySide.PythonWorker.TryStart(python, script, SideBySide.SideBySideRunner.Option(args, "--pixyz"), get_num_threads());
        Console.WriteLine($"sequence: DMM x 16, z 8, 32 hidden, batch 32, {rounds} rounds, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"
            + (worker is null ? $"; {python} has no torch, the Python ways are skipped" : $"; python {worker.Version}"));
        foreach (var length in new[] { 10, 100, 1000 })
        {
            var x = bernoulli(full(length, 32, 16, 0.3));
            var start = zeros(32, 8);
            var inputs = new Variables { ["x"] = x, ["z_prev"] = start };
            IEnumerable<double> Ours(Func<Tensor> loss, int count) => Enumerable.Range(0, count).Select(_ => Time(() => Step(optimizer, loss))).ToList();
            var ways = new List<(string Name, Func<int, IEnumerable<double>> Block)>
            {
                ("hand-written", n => Ours(() => HandWritten(model, x, start), n)),
                ("generated", n => Ours(() => model.Loss(x, start), n)),
                ("dynamic", n => Ours(() => dynamic.Eval(inputs), n)),
            };
            if (worker is not null)
                ways.AddRange(worker.Kinds.Select(kind => (kind == "torch" ? "PyTorch loop" : "Pixyz", (Func<int, IEnumerable<double>>)(n => worker.Run($"{kind}-{length}", n)))));
            var repeats = Math.Max(3, 300 / length);
            var times = ways.ToDictionary(w => w.Name, _ => new List<double>());
            foreach (var (_, block) in ways) block(1).ToList();   // warm-up
            for (var round = 0; round < rounds; round++)
                foreach (var (name, block) in ways.Skip(round % ways.Count).Concat(ways.Take(round % ways.Count)))
                    times[name].AddRange(block(repeats));
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
