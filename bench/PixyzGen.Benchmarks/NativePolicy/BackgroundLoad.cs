using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PixyzGen.Benchmarks.NativePolicy;

/// <summary>Busy processes standing for the other work of a shared machine, started for the loaded condition and stopped after it.</summary>
public sealed class BackgroundLoad : IDisposable
{
    private readonly List<Process> processes = new();

    private BackgroundLoad(int count)
    {
        for (var i = 0; i < count; i++)
            processes.Add(Process.Start(new ProcessStartInfo("/bin/sh", "-c \"while :; do :; done\"") { UseShellExecute = false })!);
    }

    public static BackgroundLoad Start(int count) => new(count);

    public void Dispose()
    {
        foreach (var process in processes)
        {
            try { process.Kill(entireProcessTree: true); process.WaitForExit(); }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
    }
}
