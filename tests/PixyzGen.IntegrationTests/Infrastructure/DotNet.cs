using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PixyzGen.IntegrationTests.Infrastructure;

/// <summary>Runs the dotnet CLI (or a shell command) as a user would, without the test host's MSBuild environment.</summary>
public static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result Succeeded(string what)
        {
            Assert.That(ExitCode, Is.EqualTo(0), $"{what} failed:\n{Output}");
            return this;
        }
    }

    public static Result Run(string workingDirectory, string arguments, TimeSpan? timeout = null) =>
        Process("dotnet", arguments, workingDirectory, timeout ?? TimeSpan.FromMinutes(5));

    /// <summary>Runs <paramref name="fileName"/>; <paramref name="environment"/> adds or replaces variables of this process's environment.</summary>
    public static Result Process(string fileName, string arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // `dotnet test` exports MSBuild settings meant for itself; a nested build must not inherit them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {arguments} did not finish within {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString());
    }
}
