using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Training;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>The sample's loss picture: every step's training loss and every epoch's test negative ELBO.</summary>
public static class LossCurve
{
    public static void Save(TrainingHistory history, long stepsPerEpoch, string path)
    {
        var low = history.Epochs.Count > 0 ? history.Epochs.Min(e => e.TestLoss) : history.StepLosses.DefaultIfEmpty(0).Min();
        Curves.Save(path,
            new[]
            {
                Curve.Line("train loss (per step)", history.StepLosses),
                new Curve("test negative ELBO (per epoch)", history.Epochs.Select(e => ((double)e.Epoch * stepsPerEpoch, e.TestLoss)).ToArray(), Markers: true),
            },
            title: "VAE on MNIST", yLabel: "nats per image", yMin: low - 20, yMax: System.Math.Max(low + 150, 250));
    }
}
