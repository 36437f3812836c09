using System;

namespace PixyzGen.Samples.Vae.Training;

/// <summary>A training step whose loss was NaN or infinite: the run stops there, before the weights change.</summary>
public sealed class TrainingDivergedException(int step, double loss)
    : Exception($"training diverged at step {step}: the loss is {(double.IsNaN(loss) ? "NaN" : "infinite")}; lower --learning-rate (nothing was written)")
{
    /// <summary>The 1-based step whose loss was not finite.</summary>
    public int Step { get; } = step;
}
