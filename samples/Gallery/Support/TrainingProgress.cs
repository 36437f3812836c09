using System;
using System.Collections.Generic;
using PixyzGen.Samples.Vae.Training;
using Spectre.Console;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>
/// A progress bar over a run's steps whose description shows the running loss. Every reported loss is kept; a NaN
/// or infinite one stops the run, naming its step, before any weight changes.
/// </summary>
public sealed class TrainingProgress
{
    private readonly ProgressTask task;
    private double running = double.NaN;

    private TrainingProgress(ProgressTask task) => this.task = task;

    /// <summary>Every reported loss, in order.</summary>
    public List<double> Losses { get; } = new();

    /// <summary>Shown before the running loss: "epoch 3/10".</summary>
    public string Stage { get; set; } = "training";

    /// <summary>Runs <paramref name="body"/> under a bar of <paramref name="steps"/> steps and returns its losses.</summary>
    public static List<double> Run(int steps, Action<TrainingProgress> body)
    {
        List<double> losses = new();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var progress = new TrainingProgress(context.AddTask("training", maxValue: Math.Max(1, steps)));
                body(progress);
                losses = progress.Losses;
            });
        return losses;
    }

    /// <summary>Checks and records one step's loss (call it before the optimizer steps) and moves the bar.</summary>
    public void Report(double loss)
    {
        if (!double.IsFinite(loss)) throw new TrainingDivergedException(Losses.Count + 1, loss);
        Losses.Add(loss);
        running = double.IsNaN(running) ? loss : 0.95 * running + 0.05 * loss;
        task.Description = $"{Stage}  loss {running:F3}";
        task.Increment(1);
    }
}
