using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PixyzGen.Benchmarks.SideBySide;

/// <summary>
/// The VAE step five ways in one run, alternated in blocks: PixyzGen's generated step (with TorchSharp's Adam and with
/// FusedAdam), the hand-written TorchSharp step, raw PyTorch and, when a Pixyz source tree is given, Pixyz
/// (bench/python/vae_steps.py, driven over its stdin). Only one runs at a time; the block order rotates every round.
/// Prints each median per step and its ratio to PyTorch, then each side's step split into loss, backward and Adam.
/// </summary>
public static class SideBySideRunner
{
    public static int Run(string[] args)
    {
        var python = Option(args, "--python") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var pixyz = Option(args, "--pixyz");
        var rounds = int.Parse(Option(args, "--rounds") ?? "6", CultureInfo.InvariantCulture);
        var steps = int.Parse(Option(args, "--steps") ?? "50", CultureInfo.InvariantCulture);
        var script = Path.Combine(AppContext.BaseDirectory, "python", "vae_steps.py");

        using var worker = PythonWorker.TryStart(python, script, pixyz, TorchSharp.torch.get_num_threads());
        if (worker is null)
        {
            Console.WriteLine($"side-by-side: skipped, {python} has no torch (Debian: apt-get install python3-torch)");
            return 0;
        }
        var benchmark = new TrainingStepBenchmark();
        benchmark.Setup();
        var kinds = new List<(string Name, Func<int, IEnumerable<double>> Block)>
        {
            ("PixyzGen generated", n => Time(benchmark.GeneratedStep, n)),
            ("generated + FusedAdam", n => Time(benchmark.GeneratedFusedAdamStep, n)),
            ("TorchSharp hand-written", n => Time(benchmark.HandWrittenStep, n)),
        };
        kinds.AddRange(worker.Kinds.Select(k => (k == "torch" ? "PyTorch" : "Pixyz", (Func<int, IEnumerable<double>>)(n => worker.Run(k, n)))));
        // Debian's PyTorch calls whatever libblas.so.3 points at: the reference BLAS unless OpenBLAS is installed (16x slower here).
        var blas = new FileInfo("/usr/lib/x86_64-linux-gnu/libblas.so.3").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "(no libblas.so.3)";
        Console.WriteLine($"python's BLAS: {blas}");
        Console.WriteLine($"side-by-side: {rounds} rounds of {steps}-step blocks, {TorchSharp.torch.get_num_threads()} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; python {worker.Version} with OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("PYTHON_OMP_WAIT_POLICY") ?? "PASSIVE"}");
        foreach (var (_, block) in kinds) block(10).ToList();   // warm-up
        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
            foreach (var (name, block) in kinds.Skip(round % kinds.Count).Concat(kinds.Take(round % kinds.Count)))
                times[name].AddRange(block(steps));
        var reference = Median(times["PyTorch"]);
        foreach (var (name, _) in kinds)
            Console.WriteLine($"{name,-24} median {Median(times[name]),7:F2} ms  {Median(times[name]) / reference:F3}x PyTorch");
        PrintSplit(benchmark, worker, rounds, steps);
        benchmark.Cleanup();
        return 0;
    }

    /// <summary>Where each side's step goes: loss, backward and Adam, the generated step and PyTorch's alternated in blocks.</summary>
    private static void PrintSplit(TrainingStepBenchmark benchmark, PythonWorker worker, int rounds, int steps)
    {
        var ours = new List<(double Loss, double Backward, double Adam)>();
        var fused = new List<(double Loss, double Backward, double Adam)>();
        var theirs = new List<(double Loss, double Backward, double Adam)>();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 1) theirs.AddRange(worker.RunSplit(steps));
            for (var i = 0; i < steps; i++)
            {
                var parts = benchmark.TimedStep(benchmark.GeneratedLoss, benchmark.GeneratedOptimizer);
                ours.Add((parts[0].Ms, parts[1].Ms, parts[2].Ms));
                parts = benchmark.TimedStep(benchmark.GeneratedFusedLoss, benchmark.FusedOptimizer);
                fused.Add((parts[0].Ms, parts[1].Ms, parts[2].Ms));
            }
            if (round % 2 == 0) theirs.AddRange(worker.RunSplit(steps));
        }
        foreach (var (name, parts) in new[] { ("PixyzGen generated", ours), ("generated + FusedAdam", fused), ("PyTorch", theirs) })
        {
            var (loss, backward, adam) = (Median(parts.Select(p => p.Loss).ToList()), Median(parts.Select(p => p.Backward).ToList()), Median(parts.Select(p => p.Adam).ToList()));
            Console.WriteLine($"{name,-24} loss {loss,6:F2} ms, backward {backward,6:F2} ms, Adam {adam,5:F2} ms (medians of each part)");
        }
    }

    private static IEnumerable<double> Time(Func<float> step, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++) times.Add(Timing.Milliseconds(() => step()));
        return times;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static double Median(List<double> values) => Timing.Median(values);
}
