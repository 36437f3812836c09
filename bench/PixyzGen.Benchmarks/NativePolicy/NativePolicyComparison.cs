using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PixyzGen.Benchmarks.NativePolicy;

/// <summary>
/// Which native thread policy to default to, measured where it matters: each policy sets environment variables that
/// libgomp reads once when it loads, so every measurement is a fresh child process (<see cref="NativePolicyChild"/>).
/// Policies are alternated in rounds (rotating their order) on an idle machine and under a background load this
/// command starts and stops itself (busy processes), for each workload; the table shows each policy's median step
/// and its ratio to the best policy of that condition and workload.
/// </summary>
public static class NativePolicyComparison
{
    /// <summary>A policy: its name, the environment it sets (none: NativeSettings.Configure's default) and the threads (0: Configure's adaptive count).</summary>
    public sealed record Policy(string Name, IReadOnlyDictionary<string, string> Environment, int Threads);

    public static IReadOnlyList<Policy> Policies { get; } = new[]
    {
        new Policy("default", new Dictionary<string, string>(), 0),   // NativeSettings.Configure(): spin 20000, adaptive threads
        new Policy("spin 20000", new Dictionary<string, string> { ["GOMP_SPINCOUNT"] = "20000" }, 2),
        new Policy("passive", new Dictionary<string, string> { ["OMP_WAIT_POLICY"] = "PASSIVE" }, 2),
        new Policy("1 thread", new Dictionary<string, string>(), 1),
        // oneDNN without the runtime's AVX cap (OneDnnIsaCap): on AMD AVX-512 its convolutions' cost, on other processors the same as default.
        new Policy("oneDNN uncapped", new Dictionary<string, string> { ["ONEDNN_MAX_CPU_ISA"] = "ALL" }, 0),
    };

    public static int Run(string[] args)
    {
        var rounds = Option(args, "--rounds", 8);
        var steps = Option(args, "--steps", 40);
        var busy = Option(args, "--busy", 1);
        var workloads = args.SkipWhile(a => a != "--workloads").Skip(1).FirstOrDefault()?.Split(',') ?? Workloads.Names.ToArray();
        Console.WriteLine($"native policy: {rounds} rounds x {Policies.Count} policies x {workloads.Length} workloads, {steps} timed steps each, idle and with {busy} busy process(es); {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var results = new Dictionary<(string Condition, string Workload, string Policy), List<double>>();
        foreach (var condition in new[] { "idle", "loaded" })
        {
            using var load = condition == "loaded" ? BackgroundLoad.Start(busy) : null;
            for (var round = 0; round < rounds; round++)
            {
                // Rotate the order each round so no policy always runs first (or right after the load started).
                var order = Policies.Skip(round % Policies.Count).Concat(Policies.Take(round % Policies.Count));
                foreach (var policy in order)
                    foreach (var workload in workloads)
                    {
                        var median = Measure(policy, workload, steps);
                        var key = (condition, workload, policy.Name);
                        if (!results.TryGetValue(key, out var list)) results[key] = list = new List<double>();
                        list.Add(median);
                        Console.WriteLine($"  {condition,-6} round {round + 1}  {workload,-10} {policy.Name,-11} {median,8:F2} ms");
                    }
            }
        }
        Console.WriteLine();
        Console.WriteLine("| condition | workload | " + string.Join(" | ", Policies.Select(p => p.Name)) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Policies.Select(_ => "---:|")));
        var worstDefault = 0.0;
        foreach (var condition in new[] { "idle", "loaded" })
            foreach (var workload in workloads)
            {
                var medians = Policies.ToDictionary(p => p.Name, p => Median(results[(condition, workload, p.Name)]));
                var best = medians.Values.Min();
                worstDefault = Math.Max(worstDefault, medians["default"] / best);
                Console.WriteLine($"| {condition} | {workload} | " + string.Join(" | ", Policies.Select(p => $"{medians[p.Name]:F1} ms ({medians[p.Name] / best:F2}x)")) + " |");
            }
        Console.WriteLine();
        Console.WriteLine($"default's worst ratio to the best policy: {worstDefault:F2}x (goal: at most 1.10x)");
        return 0;
    }

    /// <summary>One child process: the policy's environment, the workload's median step in milliseconds.</summary>
    private static double Measure(Policy policy, string workload, int steps)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(NativePolicyComparison).Assembly.Location, NativePolicyChild.Mode, workload, steps.ToString(CultureInfo.InvariantCulture), policy.Threads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        if (Environment.ProcessPath!.EndsWith("PixyzGen.Benchmarks", StringComparison.Ordinal)) start.ArgumentList.RemoveAt(0);   // the apphost itself
        foreach (var name in new[] { "GOMP_SPINCOUNT", "OMP_WAIT_POLICY", "OMP_NUM_THREADS", "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA" }) start.Environment.Remove(name);
        foreach (var (name, value) in policy.Environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{policy.Name} / {workload} failed: {error}");
        var line = output.Split('\n').Last(l => l.StartsWith(NativePolicyChild.ResultPrefix, StringComparison.Ordinal));
        return double.Parse(line[NativePolicyChild.ResultPrefix.Length..], CultureInfo.InvariantCulture);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Median(List<double> values) => Timing.Median(values);
}
