using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Profile;

/// <summary>
/// Where the VAE step's time goes, against the machine's limit: the step's GEMM work counted from its layers (about
/// 1.1 GFLOP: forward, and twice that backward), the machine's measured throughput on exactly those GEMMs (each
/// layer's forward and both backward products, timed alone), and the step split into loss, backward and Adam, for the
/// generated loss (with TorchSharp's Adam and with FusedAdam) and the hand-written one. Medians over interleaved
/// repetitions.
/// </summary>
public static class StepProfile
{
    private const int Batch = 128;

    public static int Run(int repetitions = 300)
    {
        var layers = new (long In, long Out)[]
        {
            (VaeShape.Pixels, VaeShape.Hidden), (VaeShape.Hidden, VaeShape.Hidden), (VaeShape.Hidden, 2 * VaeShape.Latent),
            (VaeShape.Latent, VaeShape.Hidden), (VaeShape.Hidden, VaeShape.Hidden), (VaeShape.Hidden, VaeShape.Pixels),
        };
        // y = x W^T: 2 b i o FLOPs forward; backward computes dX and dW, the same again each.
        var forwardFlops = layers.Sum(l => 2.0 * Batch * l.In * l.Out);
        var stepFlops = 3 * forwardFlops;
        var gemmMs = GemmTime(layers, repetitions);
        Console.WriteLine($"VAE step GEMMs: {stepFlops / 1e9:F3} GFLOP (forward {forwardFlops / 1e9:F3}); the same GEMMs alone: {gemmMs:F2} ms, {stepFlops / gemmMs / 1e6:F1} GFLOP/s");

        var benchmark = new TrainingStepBenchmark();
        benchmark.Setup();
        var parts = new Dictionary<string, List<double>>();
        for (var i = 0; i < repetitions + 30; i++)
            foreach (var (name, step, optimizer) in new[]
                     {
                         ("generated", (Func<Tensor>)benchmark.GeneratedLoss, benchmark.GeneratedOptimizer),
                         ("fused Adam", benchmark.GeneratedFusedLoss, benchmark.FusedOptimizer),
                         ("hand-written", benchmark.HandWrittenLoss, benchmark.HandWrittenOptimizer),
                     })
            {
                var times = benchmark.TimedStep(step, optimizer);
                if (i < 30) continue;
                foreach (var (part, ms) in times)
                {
                    var key = $"{name} {part}";
                    if (!parts.TryGetValue(key, out var list)) parts[key] = list = new List<double>();
                    list.Add(ms);
                }
            }
        benchmark.Cleanup();
        foreach (var name in new[] { "generated", "fused Adam", "hand-written" })
        {
            var (loss, backward, adam) = (Median(parts[$"{name} loss"]), Median(parts[$"{name} backward"]), Median(parts[$"{name} adam"]));
            var total = loss + backward + adam;
            Console.WriteLine($"{name,-12} loss {loss,6:F2} ms, backward {backward,6:F2} ms, Adam {adam,5:F2} ms: {total,6:F2} ms, {gemmMs / total:P0} of it the GEMMs' time alone");
        }
        return 0;
    }

    /// <summary>Each layer's forward GEMM and its two backward GEMMs, timed alone and summed: the step's GEMM floor here.</summary>
    private static double GemmTime((long In, long Out)[] layers, int repetitions)
    {
        var operands = layers.Select(l => (X: randn(Batch, l.In), W: randn(l.Out, l.In), G: randn(Batch, l.Out))).ToArray();
        var times = new List<double>();
        for (var i = 0; i < repetitions + 30; i++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            foreach (var (x, w, g) in operands)
            {
                x.matmul(w.t());      // forward
                g.matmul(w);          // dX
                g.t().matmul(x);      // dW
            }
            if (i >= 30) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    private static double Median(List<double> values) => Timing.Median(values);
}
