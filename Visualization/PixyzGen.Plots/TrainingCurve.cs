using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Plots;

/// <summary>The loss of every training step as a line and, optionally, an evaluation metric at some steps as points, in one PNG.</summary>
public static class TrainingCurve
{
    /// <summary>
    /// Writes <paramref name="stepLosses"/> (step 1, 2, ...) and <paramref name="evaluations"/> (step, value) to
    /// <paramref name="path"/>, the y axis from <paramref name="yMin"/> to <paramref name="yMax"/> when given.
    /// </summary>
    public static void Save(
        string path, IReadOnlyList<double> stepLosses, IReadOnlyList<(double Step, double Value)>? evaluations = null,
        string title = "training", string yLabel = "loss", string lossLabel = "train loss (per step)", string evaluationLabel = "evaluation",
        double? yMin = null, double? yMax = null, int width = 900, int height = 500)
    {
        var plot = new ScottPlot.Plot();
        if (stepLosses.Count > 0)
        {
            var train = plot.Add.ScatterLine(Enumerable.Range(1, stepLosses.Count).Select(i => (double)i).ToArray(), stepLosses.ToArray());
            train.LegendText = lossLabel;
        }
        if (evaluations is { Count: > 0 })
        {
            var points = plot.Add.Scatter(evaluations.Select(e => e.Step).ToArray(), evaluations.Select(e => e.Value).ToArray());
            points.LegendText = evaluationLabel;
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        if (yMin is { } low && yMax is { } high) plot.Axes.SetLimitsY(low, high);
        plot.SavePng(path, width, height);
    }
}
