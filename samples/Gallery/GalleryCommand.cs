using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PixyzGen.Samples.Gallery.Examples;
using PixyzGen.Samples.Gallery.Examples.Cvae;
using PixyzGen.Samples.Gallery.Examples.Distributions;
using PixyzGen.Samples.Gallery.Examples.Dmm;
using PixyzGen.Samples.Gallery.Examples.Gan;
using PixyzGen.Samples.Gallery.Examples.Gmm;
using PixyzGen.Samples.Gallery.Examples.HierarchicalVi;
using PixyzGen.Samples.Gallery.Examples.ImageFlows;
using PixyzGen.Samples.Gallery.Examples.M2;
using PixyzGen.Samples.Gallery.Examples.MaximumLikelihood;
using PixyzGen.Samples.Gallery.Examples.MmdVae;
using PixyzGen.Samples.Gallery.Examples.Multimodal;
using PixyzGen.Samples.Gallery.Examples.NormalizingFlowToy;
using PixyzGen.Samples.Gallery.Examples.RealNvp;
using PixyzGen.Samples.Gallery.Examples.Tutorials;
using PixyzGen.Samples.Gallery.Examples.Vae;
using PixyzGen.Samples.Gallery.Examples.VaeWithVaeClass;
using PixyzGen.Samples.Gallery.Examples.Vi;
using PixyzGen.Samples.Vae;
using PixyzGen.Samples.Vae.Output;
using PixyzGen.Samples.Vae.Training;
using Spectre.Console;

namespace PixyzGen.Samples.Gallery;

/// <summary>The gallery's command line: one command per example; <c>--help</c> lists them with their notebooks.</summary>
public static class GalleryCommand
{
    public static IReadOnlyList<IExample> Examples { get; } = new IExample[]
    {
        new VaeExample(), new VaeWithVaeClassExample(), new ViExample(), new CvaeExample(), new M2Example(), new MmdVaeExample(), new HierarchicalViExample(),
        MultimodalExample.Jmvae(), MultimodalExample.JmvaePoe(), MultimodalExample.Mvae(), new GanExample(), new MaximumLikelihoodExample(),
        new GmmExample(), new NormalizingFlowToyExample(), new RealNvpToyExample(), new RealNvpExample(conditional: false), new RealNvpExample(conditional: true),
        new ImageFlowExample(glow: false), new ImageFlowExample(glow: true),
        new DistributionsExample(),
        new OverviewExample(), new DistributionApiExample(), new LossApiExample(), new ModelApiExample(), new DmmExample(),
    };

    public static int Run(string[] args)
    {
        var root = new RootCommand("Pixyz's example notebooks written with PixyzGen's [Distribution], [Model] and [Loss]; each command writes its pictures and prints its final metric.");
        foreach (var example in Examples)
        {
            var steps = new Option<int>($"--{example.StepUnit}") { Description = $"{Capitalized(example.StepUnit)} to run (default {example.DefaultSteps})", DefaultValueFactory = _ => example.DefaultSteps };
            var seed = new Option<long>("--seed") { Description = $"Random seed (default {example.DefaultSeed}, the notebook's)", DefaultValueFactory = _ => example.DefaultSeed };
            var output = new Option<string>("--output") { Description = "Folder for the pictures and the checkpoint", DefaultValueFactory = _ => Path.Combine("out", "gallery", example.Name) };
            steps.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 1) result.AddError($"--{example.StepUnit} must be at least 1."); });
            var command = new Command(example.Name, $"{example.Description} ({example.Notebook})") { steps, seed, output };
            Option<int?>? batches = null;
            if (example.StepUnit == "epochs")
            {
                batches = new Option<int?>("--batches") { Description = "Minibatches per epoch, for a quick look (default: the whole training split)" };
                batches.Validators.Add(result => { if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--batches must be at least 1."); });
                command.Options.Add(batches);
            }
            command.SetAction(parsed => Execute(example, new ExampleOptions(parsed.GetValue(steps), parsed.GetValue(seed), parsed.GetValue(output)!, batches is null ? null : parsed.GetValue(batches))));
            root.Subcommands.Add(command);
        }
        var names = new Argument<string[]>("examples") { Description = "The examples to run (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var describe = new Option<bool>("--describe") { Description = "Print the rows without running the examples: what each ports and shows, measured cells empty" };
        var table = new Command("table", "Runs the examples with their defaults and prints samples/README.md's table rows (samples/make-table.sh writes them)") { names, describe };
        table.SetAction(parsed => Table(parsed.GetValue(names) ?? Array.Empty<string>(), parsed.GetValue(describe)));
        root.Subcommands.Add(table);
        return PixyzGen.Samples.Vae.CommandLine.CommandLineRun.Invoke(root, args);
    }

    /// <summary>
    /// Every example at its defaults, then one Markdown row each under <see cref="TableColumns"/>. Described only, the
    /// measured cells (metric, files, seconds) are empty: make-table.sh then keeps the ones samples/README.md has.
    /// </summary>
    private static int Table(IReadOnlyCollection<string> names, bool describeOnly)
    {
        var unknown = names.Where(n => Examples.All(e => e.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"error: no example named {string.Join(", ", unknown)}");
            return 1;
        }
        var rows = new List<string>();
        foreach (var example in Examples.Where(e => names.Count == 0 || names.Contains(e.Name)))
        {
            rows.Add(describeOnly ? Row(example, null, 0) : Measured(example));
            if (!describeOnly) Console.Error.WriteLine(rows[^1]);   // each row as it is done: a long run that stops keeps what it measured
        }
        Console.WriteLine("| " + string.Join(" | ", TableColumns) + " |");
        Console.WriteLine("|" + string.Concat(TableColumns.Select(c => c == SecondsColumn ? "---:|" : "---|")));
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private const string SecondsColumn = "seconds on 2 cores";

    /// <summary>samples/README.md's columns; make-table.sh merges rows by these names.</summary>
    public static IReadOnlyList<string> TableColumns { get; } =
        new[] { "example", "notebook", "API", "metric after the default run", "Pixyz's notebook prints", "Pixyz's figure", "our files", SecondsColumn };

    private static string Measured(IExample example)
    {
        var output = Path.Combine("out", "gallery", example.Name);
        Directory.CreateDirectory(output);
        NativeSettings.Configure();
        var watch = Stopwatch.StartNew();
        try
        {
            var result = example.Run(new ExampleOptions(example.DefaultSteps, example.DefaultSeed, output));
            return Row(example, result, watch.Elapsed.TotalSeconds);
        }
        catch (TrainingDivergedException e)
        {
            // One diverged example must not lose the rows measured before and after it: its row says what happened.
            return Row(example, null, watch.Elapsed.TotalSeconds, failure: e.Message);
        }
    }

    private static string Row(IExample example, ExampleResult? result, double seconds, string? failure = null)
    {
        var metric = failure is null ? "" : Cell(failure);
        var pictures = "";
        var time = failure is null ? "" : $"{seconds:F0}";
        if (result is not null)
        {
            var agreement = result.DynamicGap is { } gap ? $"; dynamic agrees to {gap:0.0e+0}" : "";
            // A tutorial's number is shown as its notebook prints it, to four decimals.
            var value = result.Printed is null ? $"{result.Value:F3}" : $"{result.Value:F4}";
            metric = $"{Cell(result.Metric)}: {value}{agreement}";
            pictures = string.Join(", ", result.Pictures.Select(p => $"`{Path.GetFileName(p)}`"));
            time = $"{seconds:F0}";
        }
        var notebook = $"[{example.Notebook}](https://github.com/masa-su/pixyz/blob/master/{example.Notebook})";
        return $"| `{example.Name}` | {notebook} | {Cell(example.Api)} | {metric} | {Cell(example.PixyzPrints)} | {Cell(example.PixyzFigure)} | {pictures} | {time} |";
    }

    /// <summary>Runs one example and prints its metric line; returns the exit code (3: output folder not writable, 4: training diverged).</summary>
    public static int Execute(IExample example, ExampleOptions options)
    {
        NativeSettings.Configure();
        try
        {
            OutputFolder.Prepare(options.Output);   // before training, so a bad --output loses no run
        }
        catch (OutputFolderException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return VaeCommand.OutputError;
        }
        AnsiConsole.MarkupLine($"[bold]{example.Name}[/]: {Markup.Escape(example.Description)} ([grey]{example.Notebook}[/])");
        var watch = Stopwatch.StartNew();
        ExampleResult result;
        try
        {
            result = example.Run(options);
        }
        catch (TrainingDivergedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return VaeCommand.Diverged;
        }
        AnsiConsole.MarkupLine($"{Markup.Escape(result.Metric)}: [bold]{result.Value:F4}[/] ({watch.Elapsed.TotalSeconds:F1} s)");
        var files = result.Pictures.Select(Path.GetFileName).Concat(result.Checkpoint is { } checkpoint ? new[] { Path.GetFileName(checkpoint) } : Array.Empty<string>());
        var written = files.ToList();
        if (written.Count > 0) AnsiConsole.MarkupLine($"wrote {Markup.Escape(string.Join(", ", written))} to {Markup.Escape(Path.GetFullPath(options.Output))}");
        return double.IsFinite(result.Value) ? 0 : VaeCommand.Diverged;
    }

    // A Markdown table cell: the bar of p(x|z) would end the cell.
    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
