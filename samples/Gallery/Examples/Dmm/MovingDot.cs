using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Dmm;

/// <summary>
/// The synthetic stand-in for the tutorial's CartPole episodes (which need gym): a 3 x 3 dot on a 16 x 16 frame, in
/// a row of its own per episode, moved one pixel left or right by each action u_t in {-1, +1} and stopped by the
/// walls. Frames are [T, batch, 256] and actions [T, batch, 1], time first as the tutorial transposes them.
/// </summary>
public static class MovingDot
{
    public static (Tensor Frames, Tensor Actions) Episodes(long count, int steps)
    {
        var side = DmmShape.Side;
        var frames = zeros(steps, count, side, side);
        var actions = randint(0, 2, new long[] { steps, count, 1 }).to(ScalarType.Float32) * 2 - 1;
        var rows = randint(1, side - 1, new long[] { count }).data<long>().ToArray();
        var columns = randint(1, side - 1, new long[] { count }).data<long>().ToArray();
        var moves = actions.data<float>().ToArray();
        for (var t = 0; t < steps; t++)
            for (var b = 0; b < count; b++)
            {
                if (t > 0) columns[b] = System.Math.Clamp(columns[b] + (long)moves[(t - 1) * count + b], 1, side - 2);
                frames[t, b].narrow(0, rows[b] - 1, 3).narrow(1, columns[b] - 1, 3).fill_(1);
            }
        return (frames.reshape(steps, count, side * side), actions);
    }
}
