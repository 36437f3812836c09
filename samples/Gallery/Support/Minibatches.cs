using System;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>Shuffled minibatches of a split, as a DataLoader with shuffle=True gives them; each step in its own dispose scope.</summary>
public static class Minibatches
{
    /// <summary>The number of steps of one epoch, at most <paramref name="limit"/> when given.</summary>
    public static int PerEpoch(long count, int batchSize, int? limit)
    {
        var all = (int)((count + batchSize - 1) / batchSize);
        return limit is { } most ? Math.Min(all, most) : all;
    }

    /// <summary>Calls <paramref name="step"/> with each batch's images and one-hot labels, in a fresh random order.</summary>
    public static void Epoch(Digits data, int batchSize, int? limit, Action<Tensor, Tensor> step)
    {
        using var order = randperm(data.Count);
        var steps = PerEpoch(data.Count, batchSize, limit);
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            var start = (long)i * batchSize;
            var index = order.narrow(0, start, Math.Min(batchSize, data.Count - start));
            step(data.Images.index_select(0, index), data.OneHot.index_select(0, index));
        }
    }

    /// <summary>One optimizer step on <paramref name="loss"/>: the thread policy applied, zero the gradients, check and report the loss, back-propagate, step.</summary>
    public static void Step(optim.Optimizer optimizer, TrainingProgress progress, Func<Tensor> loss)
    {
        NativeSettings.ApplyThreadPolicy();
        optimizer.zero_grad();
        var value = loss();
        progress.Report(value.item<float>());
        value.backward();
        optimizer.step();
    }

    /// <summary>The batch-size-weighted mean of <paramref name="value"/> over a split, without gradients (a test loss).</summary>
    public static double Mean(Digits data, Func<Tensor, Tensor, Tensor> value, int batchSize = 500)
    {
        using var noGrad = no_grad();
        double total = 0;
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, data.Count - start);
            total += value(data.Images.narrow(0, start, length), data.OneHot.narrow(0, start, length)).to(ScalarType.Float64).item<double>() * length;
        }
        return total / data.Count;
    }

    /// <summary>The share of a split whose label is the argmax of <paramref name="scores"/> (logits or probabilities).</summary>
    public static double Accuracy(Digits data, Func<Tensor, Tensor> scores, int batchSize = 500) =>
        Mean(data, (x, y) => scores(x).argmax(-1).eq(y.argmax(-1)).to(ScalarType.Float32).mean(), batchSize);
}
