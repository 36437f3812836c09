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
        var curves = new List<Curve> { Curve.Line(lossLabel, stepLosses) };
        if (evaluations is { Count: > 0 }) curves.Add(new Curve(evaluationLabel, evaluations.Select(e => (e.Step, e.Value)).ToArray(), Markers: true));
        Curves.Save(path, curves, title, "step", yLabel, yMin: yMin, yMax: yMax, width: width, height: height);
    }
}
