using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Plots;

/// <summary>
/// A 2-D density as a heat map over a square window, with points on top: a mixture's density with its data and
/// component means, a target density, a flow's draws. The density is evaluated on a grid of
/// resolution x resolution points, given to it as one [resolution * resolution, 2] tensor.
/// </summary>
public static class DensityMap
{
    /// <summary>Writes the density of <paramref name="density"/> on [-<paramref name="extent"/>, <paramref name="extent"/>]^2, and the point sets, to <paramref name="path"/>.</summary>
    public static void Save(
        string path, Func<Tensor, Tensor> density, double extent = 4, int resolution = 120, string title = "density",
        IEnumerable<(string Label, Tensor Points)>? points = null, int width = 600, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(density);
        if (!(extent > 0)) throw new ArgumentOutOfRangeException(nameof(extent), extent, "The window's half-width is positive.");
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "At least 2 grid points a side.");
        var plot = new ScottPlot.Plot();
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var axis = linspace(-extent, extent, resolution);
            var grid = stack(meshgrid(new[] { axis, axis }, indexing: "xy").Select(g => g.flatten()).ToArray(), -1);   // row r: y = axis[r]
            var values = density(grid).detach().cpu().to(ScalarType.Float64).reshape(resolution, resolution);
            var data = values.data<double>().ToArray();
            var intensities = new double[resolution, resolution];
            // Row 0 of the picture is the top, the largest y.
            for (var r = 0; r < resolution; r++)
                for (var c = 0; c < resolution; c++)
                    intensities[resolution - 1 - r, c] = data[r * resolution + c];
            var map = plot.Add.Heatmap(intensities);
            map.Extent = new ScottPlot.CoordinateRect(-extent, extent, -extent, extent);
        }
        foreach (var (label, set) in points ?? Array.Empty<(string, Tensor)>())
        {
            using var cpu = set.detach().cpu().to(ScalarType.Float64);
            if (cpu.dim() != 2 || cpu.shape[1] != 2) throw new ArgumentException($"Points '{label}' must be [N, 2]; got [{string.Join(", ", cpu.shape)}].", nameof(points));
            var xy = cpu.data<double>().ToArray();
            var markers = plot.Add.Markers(xy.Where((_, i) => i % 2 == 0).ToArray(), xy.Where((_, i) => i % 2 == 1).ToArray(), ScottPlot.MarkerShape.FilledCircle, 4);
            markers.LegendText = label;
        }
        plot.Title(title);
        plot.Axes.SetLimits(-extent, extent, -extent, extent);
        if (points is not null) plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
