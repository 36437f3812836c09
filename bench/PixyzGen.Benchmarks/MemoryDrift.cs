using System;
using System.IO;
using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Samples.Vae.Training;

namespace PixyzGen.Benchmarks;

/// <summary>Resident memory of the sample's training loop at step 500 and step 5,000 (goal: drift of at most 10%).</summary>
public static class MemoryDrift
{
    public static int Run(int steps = 5000, int firstReading = 500)
    {
        TorchSharp.torch.manual_seed(1);
        var (train, test) = MnistData.Load(EmbeddedData.Folder, VaeShape.Side);
        using var _ = train;
        using var __ = test;
        using var model = new VaeModel();
        var trainer = new VaeTrainer(model, new TrainingOptions(Epochs: 0, BatchSize: 128, Hidden: VaeShape.Hidden, Latent: VaeShape.Latent, Seed: 1, LearningRate: 1e-3));
        long atFirst = 0;
        while (trainer.StepLosses.Count < steps)
        {
            trainer.TrainEpoch(train, (_, _) =>
            {
                var done = trainer.StepLosses.Count;
                if (done == firstReading) atFirst = ResidentBytes();
            });
        }
        var atLast = ResidentBytes();
        var drift = (double)(atLast - atFirst) / atFirst;
        Console.WriteLine($"resident memory: step {firstReading}: {atFirst / 1048576.0:F0} MiB; step {trainer.StepLosses.Count}: {atLast / 1048576.0:F0} MiB; drift {drift:P1}");
        return drift <= 0.10 ? 0 : 1;
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
