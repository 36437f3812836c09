using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PixyzGen.Benchmarks.SideBySide;

/// <summary>The Python side of the runner: one long-lived process that runs blocks of steps on request and reports their times.</summary>
public sealed class PythonWorker : IDisposable
{
    private readonly Process process;

    private PythonWorker(Process process, IReadOnlyList<string> kinds, string version)
    {
        this.process = process;
        Kinds = kinds;
        Version = version;
    }

    /// <summary>"torch", and "pixyz" when Pixyz imports.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Python's and torch's versions.</summary>
    public string Version { get; }

    /// <summary>The worker, or null when python or its torch is missing.</summary>
    public static PythonWorker? TryStart(string python, string script, string? pixyzSource, int threads)
    {
        string version;
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(python, "-c \"import sys, torch; print(sys.version.split()[0], 'torch', torch.__version__)\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            version = probe.StandardOutput.ReadToEnd().Trim();
            probe.WaitForExit();
            if (probe.ExitCode != 0) return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        if (pixyzSource is not null) start.Environment["PYTHONPATH"] = pixyzSource;
        // Debian's PyTorch spins in libgomp beside OpenBLAS's own threads: 320 ms a step here, 24 ms passive (the setting of
        // the figures). A policy given to this command is passed on instead.
        start.Environment["OMP_WAIT_POLICY"] = Environment.GetEnvironmentVariable("PYTHON_OMP_WAIT_POLICY") ?? "PASSIVE";
        var process = Process.Start(start)!;
        var ready = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{script} stopped before it was ready");
        return new PythonWorker(process, ready.Split(' ').Skip(1).ToArray(), version);
    }

    /// <summary>Runs <paramref name="count"/> steps of <paramref name="kind"/> and returns each one's milliseconds.</summary>
    public IEnumerable<double> Run(string kind, int count)
    {
        process.StandardInput.WriteLine($"{kind} {count}");
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the Python worker stopped");
        return line.Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Runs <paramref name="count"/> PyTorch steps timed in parts: each step's loss, backward and Adam milliseconds.</summary>
    public IEnumerable<(double Loss, double Backward, double Adam)> RunSplit(int count)
    {
        process.StandardInput.WriteLine($"torch-split {count}");
        process.StandardInput.Flush();
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the Python worker stopped");
        return line.Split(' ').Select(step =>
        {
            var parts = step.Split('/').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            return (parts[0], parts[1], parts[2]);
        }).ToList();
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000)) process.Kill();
        }
        finally
        {
            process.Dispose();
        }
    }
}
