using System;
using System.Globalization;
using System.Linq;

namespace PixyzGen.Benchmarks.NativePolicy;

/// <summary>One measurement of <see cref="NativePolicyComparison"/>: configure, warm up, time the workload's steps, print the median.</summary>
public static class NativePolicyChild
{
    public const string Mode = "native-policy-child";
    public const string ResultPrefix = "median-ms ";

    /// <summary>Runs the workload; <paramref name="threads"/> 0 is NativeSettings' default (an adaptive count), else a fixed count.</summary>
    public static int Run(string workload, int steps, int threads)
    {
        NativeSettings.Configure(threads: threads == 0 ? null : threads);   // respects the policy's OMP_WAIT_POLICY / GOMP_SPINCOUNT
        var step = Workloads.Create(workload);
        for (var i = 0; i < 10; i++) step();
        var times = new double[steps];
        for (var i = 0; i < steps; i++) times[i] = Timing.Milliseconds(() => step());
        Console.WriteLine(ResultPrefix + Timing.Median(times).ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }
}
