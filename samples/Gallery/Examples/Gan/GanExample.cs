using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Gan;

/// <summary>
/// Pixyz's gan notebook: a fully connected GAN on MNIST, Adam 2e-4 for both players, each step one discriminator step
/// then one generator step (Pixyz's GAN.train). The notebook's dynamic GAN(p, d) over the same distributions
/// gives the generated losses' numbers.
/// </summary>
public sealed class GanExample : IExample
{
    public string Name => "gan";

    public string Notebook => "examples/gan.ipynb";

    public string Description => "generative adversarial network on MNIST";

    public string Api => "generated ([Loss] ADV_JS and ADV_JS_D) + dynamic (GAN)";

    public string PixyzFigure => "64 digits from fixed noise, per epoch";

    public string PixyzPrints => "test losses 24.38 (generator) and 0.228 (discriminator) after 50 epochs; 13.8 and 0.031 after the first";

    public string StepUnit => "epochs";

    // The notebook's 50 epochs: 3,550 steps over our 9,000 digits (its 60,000 make 23,450).
    public int DefaultSteps => 50;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new GanModel();
        ModelReport.Print(model.ToString(), GanModel.GeneratorLossLatex);
        using var generatorOptimizer = optim.Adam(model.G.parameters(), 2e-4);
        using var discriminatorOptimizer = optim.Adam(model.D.parameters(), 2e-4);
        var discriminatorLosses = new List<double>();
        using var fixedNoise = randn(64, 100);
        // The notebook logs the fixed noise's 64 digits every epoch (TensorBoard); here the first 16 of them at a few epochs, a row each.
        var shownEpochs = SnapshotEpochs(options.Steps);
        var perEpoch = new List<Tensor>();
        var training = new EpochTraining(options, train, test);
        training.Run(
            (progress, x, ___) =>
            {
                // Pixyz's GAN.train: the discriminator's step, then the generator's.
                discriminatorOptimizer.zero_grad();
                var discriminatorLoss = model.DiscriminatorLoss(x);
                discriminatorLosses.Add(discriminatorLoss.item<float>());
                discriminatorLoss.backward();
                discriminatorOptimizer.step();
                Minibatches.Step(generatorOptimizer, progress, () => model.GeneratorLoss(x));
            },
            (x, ___) => model.DiscriminatorLoss(x), "test discriminator loss",
            afterEpoch: epoch =>
            {
                if (!shownEpochs.Contains(epoch)) return;
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                perEpoch.Add(model.G.Sample(fixedNoise[..16]).DetachFromDisposeScope());
            },
            module: model);

        model.eval();
        using var dynamic = new GAN(new DataDistribution(new[] { "x" }), (model.G * model.Prior).MarginalizeVar("z"), model.D);
        var (x500, ____) = test.First(500);
        var gap = DynamicAgreement.Compare("generator loss on 500 test digits", options.Seed, () => model.GeneratorLoss(x500), () => dynamic.Test(new Variables { ["x"] = x500 }));

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            DigitPictures.Grid(files.Picture("samples.png"), model.G.Sample(fixedNoise));
            DigitPictures.Grid(files.Picture("samples_per_epoch.png"), cat(perEpoch.ToArray()), columns: 16);
        }
        AnsiConsole.MarkupLine($"[grey]samples_per_epoch.png: a row for each of epochs {string.Join(", ", shownEpochs)}[/]");
        foreach (var row in perEpoch) row.Dispose();
        TrainingCurve.Save(files.Picture("loss.png"), training.StepLosses,
            discriminatorLosses.Select((d, i) => ((double)(i + 1), d)).Where((_, i) => i % 10 == 0).ToList(),
            title: "GAN on MNIST", yLabel: "loss", lossLabel: "generator loss (per step)", evaluationLabel: "discriminator loss (every 10th step)");
        files.Save(model, "gan.pt");
        AnsiConsole.MarkupLine($"[grey]a discriminator that cannot tell has loss log 4 = {System.Math.Log(4):F3}[/]");
        return new ExampleResult("test discriminator loss", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }

    /// <summary>Epochs 1, 2, 5, 10, 20, 50, 100, ... up to the last, which is always shown.</summary>
    private static IReadOnlyList<int> SnapshotEpochs(int epochs)
    {
        var shown = new List<int>();
        for (var decade = 1; decade <= epochs; decade *= 10)
            foreach (var factor in new[] { 1, 2, 5 })
                if (decade * factor < epochs) shown.Add(decade * factor);
        shown.Add(epochs);
        return shown;
    }
}
