using System;
using System.IO;
using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Training;

namespace PixyzGen.Benchmarks;

/// <summary>Resident memory of the toolkit's training loop (Batches with prefetch, Trainer) on the sample's VAE at step 500 and step 5,000 (goal: drift of at most 10%).</summary>
public static class MemoryDrift
{
    public static int Run(int steps = 5000, int firstReading = 500)
    {
        TorchSharp.torch.manual_seed(1);
        var (train, test) = MnistData.LoadDatasets(EmbeddedData.Folder, VaeShape.Side);
        using var _ = test;
        using var data = train;
        using var batches = new Batches(data, 128, shuffle: true, seed: 1);
        using var model = new VaeModel();
        var objective = Objective.Of(model, new FusedAdam(model.parameters(), 1e-3), batch => model.Loss(batch["x"]));
        var trainer = new Trainer(objective, new TrainerOptions { Epochs = (int)((steps + batches.Count - 1) / batches.Count), Progress = ProgressStyle.None });
        long atFirst = 0, atLast = 0, last = 0;
        trainer.StepCompleted += step =>
        {
            if (step.Step == firstReading) atFirst = ResidentBytes();
            if (step.Step <= steps) (atLast, last) = (ResidentBytes(), step.Step);
        };
        trainer.Fit(batches);
        var drift = (double)(atLast - atFirst) / atFirst;
        Console.WriteLine($"resident memory: step {firstReading}: {atFirst / 1048576.0:F0} MiB; step {last}: {atLast / 1048576.0:F0} MiB; drift {drift:P1}");
        return drift <= 0.10 ? 0 : 1;
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
