using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Dynamic;

/// <summary>
/// The same training step written the generated way and with the dynamic API (loss objects over the same members,
/// so the same weights), alternated in ABBA order, for the VAE, M2 (labelled + unlabelled batch) and JMVAE; prints
/// the medians and the dynamic/generated ratio (goal: at most 1.15x).
/// </summary>
public static class DynamicComparison
{
    private sealed record Case(string Name, Func<Tensor> Generated, Func<Tensor> Dynamic, nn.Module Model);

    public static int Run(int pairs = 300, int warmupPairs = 40)
    {
        var worst = 0.0;
        foreach (var @case in Cases())
        {
            using var optimizer = optim.Adam(@case.Model.parameters(), 1e-3);
            float Step(Func<Tensor> loss) => Timing.TrainStep(optimizer, loss);
            for (var i = 0; i < warmupPairs; i++) { Step(@case.Generated); Step(@case.Dynamic); }
            var generated = new List<double>(pairs);
            var dynamic = new List<double>(pairs);
            for (var i = 0; i < pairs; i++)
            {
                if (i % 2 == 0) { generated.Add(Time(() => Step(@case.Generated))); dynamic.Add(Time(() => Step(@case.Dynamic))); }
                else { dynamic.Add(Time(() => Step(@case.Dynamic))); generated.Add(Time(() => Step(@case.Generated))); }
            }
            var ratio = Median(dynamic) / Median(generated);
            worst = Math.Max(worst, ratio);
            Console.WriteLine($"{@case.Name,-6} {pairs} pairs: generated median {Median(generated):F2} ms, dynamic median {Median(dynamic):F2} ms, ratio {ratio:F3}");
            @case.Model.Dispose();
        }
        Console.WriteLine($"worst dynamic/generated ratio {worst:F3} (goal: at most 1.15)");
        return 0;
    }

    private static IEnumerable<Case> Cases()
    {
        manual_seed(1);
        var x = bernoulli(full(128, 784, 0.2));
        var y = nn.functional.one_hot(randint(0, 10, new long[] { 128 }), 10).to(ScalarType.Float32);
        var labelled = new Variables { ["x"] = x, ["y"] = y };
        var images = new Variables { ["x"] = x };

        var vae = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        var vaeLoss = (new KullbackLeibler(vae.Q, vae.Pz) - new Expectation(vae.Q, vae.P.LogProbLoss())).Mean();
        yield return new Case("VAE", () => vae.Loss(x), () => vaeLoss.Eval(images), vae);

        var m2 = new M2();
        var reconstruction = new Expectation(m2.Qz, m2.P.LogProbLoss() + m2.Py.LogProbLoss());
        var elbo = new KullbackLeibler(m2.Qz, m2.Pz) - reconstruction;
        var m2Labelled = elbo.Mean() - 0.1 * m2.Qy.LogProbLoss().Mean();
        var m2Unlabelled = new Expectation(m2.Qy, elbo + m2.Qy.LogProbLoss()).Mean();
        yield return new Case("M2", () => m2.Labelled(x, y, 0.1) + m2.Unlabelled(x), () => m2Labelled.Eval(labelled) + m2Unlabelled.Eval(images), m2);

        var jmvae = new Jmvae();
        var jmvaeLoss = (new KullbackLeibler(jmvae.Q, jmvae.Pz) - new Expectation(jmvae.Q, jmvae.Px.LogProbLoss() + jmvae.Py.LogProbLoss())
            + 0.1 * (new KullbackLeibler(jmvae.Q, jmvae.Qx) + new KullbackLeibler(jmvae.Q, jmvae.Qy))).Mean();
        yield return new Case("JMVAE", () => jmvae.Loss(x, y, 0.1), () => jmvaeLoss.Eval(labelled), jmvae);
    }

    private static double Time(Action step) => Timing.Milliseconds(step);

    private static double Median(List<double> values) => Timing.Median(values);
}
