using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Spectre.Console;

namespace PixyzGen.Samples.Vae.CommandLine;

/// <summary>How the samples' command lines run: argument errors as one `error:` line and exit code 1 (the help
/// text only when asked for), and console output that is not wrapped at 80 columns when it goes to a file or a pipe.</summary>
public static class CommandLineRun
{
    /// <summary>Exit code of a command line that could not be parsed.</summary>
    public const int BadArguments = 1;

    /// <summary>The width of redirected output: wide enough that no line of ours is broken (a log keeps its tokens whole).</summary>
    public const int RedirectedWidth = 4096;

    public static int Invoke(RootCommand root, string[] args)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = RedirectedWidth;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count == 0) return parsed.Invoke();
        Console.Error.WriteLine($"error: {OneLine(parsed.Errors.Select(e => e.Message).ToList())} (--help lists the options)");
        return BadArguments;
    }

    /// <summary>
    /// The parser's messages as one line: each on one line (a list of choices joined by commas), and "a command is
    /// required" left out when another message says what was given instead.
    /// </summary>
    public static string OneLine(IReadOnlyList<string> messages)
    {
        var lines = messages
            .Select(m => string.Join(" ", m.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace(": '", " '", StringComparison.Ordinal).Replace("' '", "', '", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (lines.Count > 1) lines.RemoveAll(l => l.StartsWith("Required command was not provided", StringComparison.Ordinal));
        return string.Join(" ", lines);
    }
}
