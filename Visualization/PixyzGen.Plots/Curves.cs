using System;
using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Plots;

/// <summary>Which y axis a curve is drawn against: the left, or its own on the right (a loss of another scale).</summary>
public enum CurveAxis
{
    /// <summary>The left y axis.</summary>
    Left,

    /// <summary>The right y axis, labelled separately.</summary>
    Right,
}

/// <summary>One named curve: its points, drawn as a line (many points) or as markers (a value per epoch), on the left or right axis.</summary>
public sealed record Curve(string Name, IReadOnlyList<(double X, double Y)> Points, bool Markers = false, CurveAxis Axis = CurveAxis.Left)
{
    /// <summary>A line through <paramref name="values"/> at x = 1, 2, ... (a loss per step).</summary>
    public static Curve Line(string name, IEnumerable<double> values, CurveAxis axis = CurveAxis.Left) =>
        new(name, values.Select((v, i) => ((double)(i + 1), v)).ToArray(), false, axis);
}

/// <summary>Several named curves in one PNG, with a legend, axis labels and, when a curve asks for it, a second y axis.</summary>
public static class Curves
{
    /// <summary>
    /// Writes <paramref name="curves"/> to <paramref name="path"/>; the left y axis spans <paramref name="yMin"/> to
    /// <paramref name="yMax"/> when both are given.
    /// </summary>
    public static void Save(
        string path, IEnumerable<Curve> curves, string title = "", string xLabel = "step", string yLabel = "loss", string rightLabel = "",
        double? yMin = null, double? yMax = null, int width = 900, int height = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(curves);
        var plot = new ScottPlot.Plot();
        var right = plot.Axes.Right;
        var hasRight = false;
        foreach (var curve in curves)
        {
            if (curve.Points.Count == 0) continue;
            var xs = curve.Points.Select(p => p.X).ToArray();
            var ys = curve.Points.Select(p => p.Y).ToArray();
            var plotted = curve.Markers ? plot.Add.ScatterPoints(xs, ys) : plot.Add.ScatterLine(xs, ys);
            plotted.LegendText = curve.Name;
            if (curve.Markers) plotted.MarkerSize = 7;
            if (curve.Axis == CurveAxis.Right)
            {
                plotted.Axes.YAxis = right;
                hasRight = true;
            }
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (hasRight) right.Label.Text = rightLabel;
        // Falling losses leave the upper right empty, unless a second axis puts its points there.
        plot.ShowLegend(hasRight ? ScottPlot.Alignment.UpperCenter : ScottPlot.Alignment.UpperRight);
        if (yMin is { } low && yMax is { } high) plot.Axes.SetLimitsY(low, high);
        plot.SavePng(path, width, height);
    }
}
