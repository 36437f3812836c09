using Spectre.Console;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>What the notebooks print before training: each distribution or model, then its LaTeX.</summary>
public static class ModelReport
{
    public static void Print(string text, string latex)
    {
        AnsiConsole.WriteLine(text);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(latex)}[/]");
    }
}
