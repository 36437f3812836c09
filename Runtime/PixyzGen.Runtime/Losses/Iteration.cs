using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>The loop behind a generated <c>iterate(x | h = h_prev)[step]</c> term.</summary>
public static class Iteration
{
    /// <summary>
    /// Sums <paramref name="step"/> over <paramref name="steps"/> time steps. The step receives the index and the carried
    /// state (starting from <paramref name="initial"/>) and returns its value and the next state.
    /// </summary>
    public static Tensor Sum(long steps, Tensor[] initial, Func<long, Tensor[], (Tensor Value, Tensor[] Next)> step)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), "iterate(...) needs a series with at least one step.");
        var carried = initial;
        Tensor? total = null;
        for (long t = 0; t < steps; t++)
        {
            var (value, next) = step(t, carried);
            total = total is null ? value : total + value;
            carried = next;
        }
        return total!;
    }
}
