using System;
using System.CommandLine;
using Spectre.Console;

namespace PixyzGen.Samples.Vae.CommandLine;

/// <summary>How the samples' command lines run: argument errors as one `error:` line each and exit code 1 (the help
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
        foreach (var error in parsed.Errors)
            Console.Error.WriteLine($"error: {error.Message} (--help lists the options)");
        return BadArguments;
    }
}
