using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Vae.Training;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>The sample's loss picture: every step's training loss and every epoch's test negative ELBO.</summary>
public static class LossCurve
{
    public static void Save(IReadOnlyList<double> stepLosses, IReadOnlyList<EpochResult> epochs, int stepsPerEpoch, string path)
    {
        var low = epochs.Count > 0 ? epochs.Min(e => e.TestNegativeElbo) : stepLosses.DefaultIfEmpty(0).Min();
        TrainingCurve.Save(path, stepLosses, epochs.Select(e => ((double)e.Epoch * stepsPerEpoch, e.TestNegativeElbo)).ToList(),
            title: "VAE on MNIST", yLabel: "nats per image", evaluationLabel: "test negative ELBO (per epoch)",
            yMin: low - 20, yMax: System.Math.Max(low + 150, 250));
    }
}
