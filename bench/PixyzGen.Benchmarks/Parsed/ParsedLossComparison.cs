using System;
using System.Collections.Generic;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Parsed;

/// <summary>
/// The VAE's training step on its generated [Loss] against the same formula read at run time (Loss.Parse, cached per
/// formula and model), on one model and batch, alternated step by step (ABBA) so a shared machine's drifts hit both.
/// </summary>
public static class ParsedLossComparison
{
    private const string Formula = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])";

    public static int Run(int pairs = 1500, int warmupPairs = 100)
    {
        manual_seed(1);
        using var model = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        var optimizer = new FusedAdam(model.parameters(), 1e-3);
        using var batch = bernoulli(full(128, VaeShape.Pixels, 0.2));
        var inputs = new Variables { ["x"] = batch };
        float Generated() => Timing.TrainStep(optimizer, () => model.Loss(batch));
        float Parsed() => Timing.TrainStep(optimizer, () => PixyzGen.Loss.Parse(Formula, model).Eval(inputs));   // the cache lookup is part of the cost
        for (var i = 0; i < warmupPairs; i++)
        {
            Generated();
            Parsed();
        }
        var generated = new List<double>(pairs);
        var parsed = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            if (i % 2 == 0)
            {
                generated.Add(Timing.Milliseconds(() => Generated()));
                parsed.Add(Timing.Milliseconds(() => Parsed()));
            }
            else
            {
                parsed.Add(Timing.Milliseconds(() => Parsed()));
                generated.Add(Timing.Milliseconds(() => Generated()));
            }
        }
        Console.WriteLine($"parsed vs generated, {pairs} pairs: generated median {Timing.Median(generated):F2} ms, parsed median {Timing.Median(parsed):F2} ms, ratio {Timing.Median(parsed) / Timing.Median(generated):F3}");
        return 0;
    }
}
