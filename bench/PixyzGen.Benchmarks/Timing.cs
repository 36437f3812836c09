using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks;

/// <summary>What every benchmark mode shares: one training step, a stopwatch around an action, and the median.</summary>
public static class Timing
{
    /// <summary>One optimizer step on the loss, in a dispose scope; returns the loss.</summary>
    public static float TrainStep(optim.Optimizer optimizer, Func<Tensor> loss)
    {
        PixyzGen.NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var value = loss();
        value.backward();
        optimizer.step();
        return value.item<float>();
    }

    /// <summary>How long <paramref name="action"/> took, in milliseconds.</summary>
    public static double Milliseconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) throw new ArgumentException("No values to take the median of.", nameof(values));
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
