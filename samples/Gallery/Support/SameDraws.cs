using System;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>
/// The generated and the dynamic form of one step of a tutorial, drawing the same random numbers: both start from the
/// same generator state, and the tutorial goes on from where the generated form left it (as Pixyz's, which drew once).
/// </summary>
public static class SameDraws
{
    public static (Tensor Generated, Tensor Dynamic) Evaluate(Func<Tensor> generated, Func<Tensor> dynamic)
    {
        using var before = random.get_rng_state();
        var ours = generated();
        using var after = random.get_rng_state();
        random.set_rng_state(before);
        var theirs = dynamic();
        random.set_rng_state(after);
        return (ours, theirs);
    }
}
