using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>
/// What a tutorial prints: each value computed the generated and the dynamic way, shown side by side; the first
/// <see cref="Kept"/> elements of each kept by name (for the tests' comparison with the notebook's saved output), and
/// the largest relative gap between the two ways.
/// </summary>
public sealed class PrintedNumbers
{
    public const int Kept = 8;

    private readonly Dictionary<string, double> values = new();

    public IReadOnlyDictionary<string, double> Values => values;

    public double LargestGap { get; private set; }

    /// <summary>Shows <paramref name="name"/>'s two values and keeps the generated one's first elements as name, or name[i] for a vector.</summary>
    public void Add(string name, Tensor generated, Tensor dynamic)
    {
        using var scope = NewDisposeScope();
        var ours = generated.detach().to_type(ScalarType.Float64).flatten();
        var theirs = dynamic.detach().to_type(ScalarType.Float64).flatten();
        if (!ours.shape.SequenceEqual(theirs.shape))
            throw new InvalidOperationException($"{name}: the generated form gives shape [{string.Join(", ", generated.shape)}], the dynamic one [{string.Join(", ", dynamic.shape)}]");
        var size = Math.Max(ours.abs().max().item<double>(), 1e-12);
        LargestGap = Math.Max(LargestGap, (ours - theirs).abs().max().item<double>() / size);
        var count = ours.shape[0];
        for (var i = 0; i < Math.Min(count, Kept); i++) values[count == 1 ? name : $"{name}[{i}]"] = ours[i].item<double>();
        AnsiConsole.MarkupLine($"{Markup.Escape(name)}: generated [bold]{Markup.Escape(Shown(ours))}[/], dynamic {Markup.Escape(Shown(theirs))}");
    }

    /// <summary>The first elements to four decimals, as the tutorials print them.</summary>
    private static string Shown(Tensor values)
    {
        var shown = Enumerable.Range(0, (int)Math.Min(values.shape[0], 8)).Select(i => values[i].item<double>().ToString("F4", CultureInfo.InvariantCulture));
        return string.Join(", ", shown) + (values.shape[0] > 8 ? $", ... ({values.shape[0]} values)" : "");
    }
}
