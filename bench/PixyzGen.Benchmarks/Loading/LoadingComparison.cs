using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Loading;

/// <summary>
/// What reading batches through <see cref="Batches"/> (TorchSharp's DataLoader, a new permutation per epoch) adds to the
/// VAE's training step, against batches cut from a pre-shuffled tensor in memory: the same model and optimizer step
/// all ways, rotated step by step, with prefetch on (the default) and off.
/// </summary>
public static class LoadingComparison
{
    public static int Run(int rounds = 1500, int warmupRounds = 100)
    {
        manual_seed(1);
        var (train, test) = MnistData.LoadDatasets(EmbeddedData.Folder, VaeShape.Side);
        using var _ = test;
        using var data = train;
        using var model = new VaeModel();
        var optimizer = new FusedAdam(model.parameters(), 1e-3);
        using var prefetched = new Batches(data, 128, shuffle: true, seed: 1, prefetch: 1);
        using var inPlace = new Batches(data, 128, shuffle: true, seed: 1, prefetch: 0);
        // The three ways in one rotation (each first in turn), so a shared machine's drifts hit all alike.
        var ways = new (string Name, IEnumerator<Tensor> Batches, List<double> Times)[]
        {
            ("pre-batched", PreBatched(data["x"]), new List<double>(rounds)),
            ("Batches, prefetch 1", Endless(prefetched), new List<double>(rounds)),
            ("Batches, prefetch 0", Endless(inPlace), new List<double>(rounds)),
        };
        for (var round = 0; round < warmupRounds + rounds; round++)
            for (var i = 0; i < ways.Length; i++)
            {
                var (_, batches, times) = ways[(round + i) % ways.Length];
                var milliseconds = Timing.Milliseconds(() => Step(model, optimizer, batches));
                if (round >= warmupRounds) times.Add(milliseconds);
            }
        var baseline = Timing.Median(ways[0].Times);
        Console.WriteLine($"loading, {rounds} rounds: " + string.Join("; ", ways.Select(w => $"{w.Name} median {Timing.Median(w.Times):F2} ms (ratio {Timing.Median(w.Times) / baseline:F3})")));
        return 0;
    }

    // The step both ways: take the next batch (timed with the step), then one Adam step on the generated loss.
    private static void Step(VaeModel model, optim.Optimizer optimizer, IEnumerator<Tensor> batches)
    {
        batches.MoveNext();
        Timing.TrainStep(optimizer, () => model.Loss(batches.Current));
    }

    private static IEnumerator<Tensor> Endless(Batches batches)
    {
        for (var epoch = 0; ; epoch++)
            foreach (var batch in batches.Epoch(epoch))
                yield return batch["x"];
    }

    // The baseline: one shuffled copy of the images, cut into batches by narrow (a view, no copy).
    private static IEnumerator<Tensor> PreBatched(Tensor images)
    {
        using var shuffled = images.index_select(0, randperm(images.shape[0]));
        while (true)
            for (long start = 0; start < shuffled.shape[0]; start += 128)
            {
                using var batch = shuffled.narrow(0, start, Math.Min(128, shuffled.shape[0] - start));
                yield return batch;
            }
    }
}
