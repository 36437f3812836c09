using System;
using Spectre.Console;

namespace PixyzGen.Training;

/// <summary>What the user sees while a run trains: a bar with the running loss, a line per epoch, or nothing.</summary>
internal abstract class ProgressView
{
    /// <summary>Runs <paramref name="body"/> under the view <paramref name="style"/> picks for this console.</summary>
    public static void Run(ProgressStyle style, long totalSteps, long doneSteps, Action<ProgressView> body)
    {
        switch (Resolve(style))
        {
            case ProgressStyle.Bar:
                AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("training", maxValue: Math.Max(1, totalSteps));
                        task.Increment(doneSteps);
                        body(new Bar(task));
                    });
                break;
            case ProgressStyle.Lines:
                body(new Lines());
                break;
            default:
                body(new Silent());
                break;
        }
    }

    // A bar only where it can be redrawn: output to a file or a pipe gets lines, unwrapped.
    private static ProgressStyle Resolve(ProgressStyle style) => style is ProgressStyle.Auto or ProgressStyle.Bar
        ? !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? ProgressStyle.Bar : ProgressStyle.Lines
        : style;

    public abstract void Step(StepReport step, int epochs);

    public abstract void Epoch(EpochSummary summary);

    public abstract void Note(string text);

    // Pixyz's notebooks print "Epoch: 1 Train loss: 199.3218" and "Test loss: 156.2546".
    private static string Line(EpochSummary summary) =>
        $"Epoch: {summary.Epoch} Train loss: {summary.TrainLoss:F4}" + (double.IsNaN(summary.TestLoss) ? "" : $" Test loss: {summary.TestLoss:F4}");

    private sealed class Bar(ProgressTask task) : ProgressView
    {
        private double running = double.NaN;

        public override void Step(StepReport step, int epochs)
        {
            if (double.IsFinite(step.Loss)) running = double.IsNaN(running) ? step.Loss : 0.95 * running + 0.05 * step.Loss;
            task.Description = $"epoch {step.Epoch}/{epochs}  loss {running:F3}";
            task.Increment(1);
        }

        public override void Epoch(EpochSummary summary) => AnsiConsole.MarkupLine(Markup.Escape(Line(summary)));

        public override void Note(string text) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
    }

    private sealed class Lines : ProgressView
    {
        public override void Step(StepReport step, int epochs)
        {
        }

        public override void Epoch(EpochSummary summary) => Console.Out.WriteLine(Line(summary));

        public override void Note(string text) => Console.Out.WriteLine(text);
    }

    private sealed class Silent : ProgressView
    {
        public override void Step(StepReport step, int epochs)
        {
        }

        public override void Epoch(EpochSummary summary)
        {
        }

        public override void Note(string text)
        {
        }
    }
}
