using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks;

/// <summary>
/// The same two training steps as <see cref="TrainingStepBenchmark"/>, alternated step by step (ABBA order) so slow
/// drifts of a shared machine hit both alike; BenchmarkDotNet runs one method after the other, which on a noisy
/// 2-core VM moves the ratio by several percent between runs.
/// </summary>
public static class InterleavedComparison
{
    public static int Run(int pairs = 1500, int warmupPairs = 200)
    {
        var benchmark = new TrainingStepBenchmark();
        benchmark.Setup();
        for (var i = 0; i < warmupPairs; i++)
        {
            benchmark.HandWrittenStep();
            benchmark.GeneratedStep();
        }
        var generated = new List<double>(pairs);
        var handWritten = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            if (i % 2 == 0)
            {
                handWritten.Add(Time(benchmark.HandWrittenStep));
                generated.Add(Time(benchmark.GeneratedStep));
            }
            else
            {
                generated.Add(Time(benchmark.GeneratedStep));
                handWritten.Add(Time(benchmark.HandWrittenStep));
            }
        }
        benchmark.Cleanup();
        var ratio = Median(generated) / Median(handWritten);
        Console.WriteLine($"interleaved, {pairs} pairs: hand-written median {Median(handWritten):F2} ms, generated median {Median(generated):F2} ms, ratio {ratio:F3}");
        return 0;
    }

    private static double Time(Func<float> step) => Timing.Milliseconds(() => step());

    private static double Median(List<double> values) => Timing.Median(values);
}
