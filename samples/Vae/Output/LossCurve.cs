using System.Collections.Generic;
using System.Linq;
using PixyzGen.Samples.Vae.Training;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>Plots the training loss of every step and the test negative ELBO of every epoch.</summary>
public static class LossCurve
{
    public static void Save(IReadOnlyList<double> stepLosses, IReadOnlyList<EpochResult> epochs, int stepsPerEpoch, string path)
    {
        var plot = new ScottPlot.Plot();
        var steps = Enumerable.Range(1, stepLosses.Count).Select(i => (double)i).ToArray();
        var train = plot.Add.ScatterLine(steps, stepLosses.ToArray());
        train.LegendText = "train loss (per step)";
        var test = plot.Add.Scatter(epochs.Select(e => (double)e.Epoch * stepsPerEpoch).ToArray(), epochs.Select(e => e.TestNegativeElbo).ToArray());
        test.LegendText = "test negative ELBO (per epoch)";
        plot.Title("VAE on MNIST");
        plot.XLabel("step");
        plot.YLabel("nats per image");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        var low = epochs.Count > 0 ? epochs.Min(e => e.TestNegativeElbo) : stepLosses.Min();
        plot.Axes.SetLimitsY(low - 20, System.Math.Max(low + 150, 250));
        plot.SavePng(path, 900, 500);
    }
}
