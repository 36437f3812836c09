using System;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>
/// Where a notebook uses Pixyz's dynamic API, the example builds that model over the same distributions and checks
/// that it gives the generated loss's number on the same batch and seed.
/// </summary>
public static class DynamicAgreement
{
    /// <summary>Both losses under seed <paramref name="seed"/>, without gradients; prints them and returns the relative gap.</summary>
    public static double Compare(string what, long seed, Func<Tensor> generated, Func<double> dynamic)
    {
        double ours;
        using (no_grad())
        using (NewDisposeScope())
        {
            manual_seed(seed);
            ours = generated().item<float>();
        }
        manual_seed(seed);
        var theirs = dynamic();
        var gap = Math.Abs(ours - theirs) / Math.Max(Math.Abs(ours), 1e-12);
        AnsiConsole.MarkupLine($"{Markup.Escape(what)}: generated {ours:F6}, dynamic {theirs:F6} (relative gap {gap:E1})");
        return gap;
    }
}
