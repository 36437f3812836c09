using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

/// <summary>
/// Pixyz's overview tutorial (tutorial/English/00): the VAE's distributions printed and sampled (the prior, then the
/// joint p(x|z) p(z)), the loss written as KL(q || prior) - E_q[log p(x|z)] through <c>p.log_prob().expectation(q)</c>,
/// ten Model steps on a fixed random batch, then the VAE trained for as many steps as the tutorial's three epochs, with
/// its pictures where its epochs end (after 235, 470 and 705 steps): 8 test digits over their reconstructions, and 64
/// digits decoded from z = 0.5 N(0, I).
/// </summary>
public sealed class OverviewExample : IExample
{
    public string Name => "overview";

    public string Notebook => "tutorial/English/00-PixyzOverview.ipynb";

    public string Description => "the overview tutorial: a VAE's distributions, its loss from objects, Model, its training with pictures";

    public string Api => "dynamic (products, sample, KullbackLeibler, log_prob().expectation, Model) + generated (the same distributions' [Loss])";

    public string PixyzFigure => "after each of its 3 epochs: 8 test digits over their reconstructions; 64 digits from z = 0.5 N(0, I)";

    public string PixyzPrints => "train loss 128.41, test loss 124.81 after 3 epochs; on the random batch 554.03 at step 1 falling to -607.05 at step 10 (unseeded)";

    public string StepUnit => "epochs";

    // The tutorial's 705 steps (3 epochs of 60,000 digits in 256s): 20 epochs of our 9,000 make 720. Its 3 epochs here
    // (108 steps) leave the VAE drawing one blurred average digit.
    public int DefaultSteps => 20;

    public long DefaultSeed => 1;

    // The tutorial's ten steps on one fixed batch of ten random "images".
    private const int DummySteps = 10;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;

        // The distributions, printed and sampled: z ~ p(z), then (x, z) ~ p(x|z) p(z).
        using var tour = new VaeModel();
        ModelReport.Print(tour.Pz.ToString(), tour.Pz.ToLatex());
        ModelReport.Print(tour.P.ToString(), tour.P.ToLatex());
        ModelReport.Print(tour.Q.ToString(), tour.Q.ToLatex());
        var joint = tour.P * tour.Pz;
        ModelReport.Print(joint.ToString(), joint.ToLatex());
        using (no_grad())
        using (NewDisposeScope())
        {
            AnsiConsole.WriteLine($"z ~ p(z): [{string.Join(", ", tour.Pz.Sample(1).shape)}]");
            var draws = joint.Sample(batchN: 1);
            AnsiConsole.WriteLine($"(x, z) ~ p(x|z) p(z): {string.Join(", ", draws.Keys.Select(k => $"{k} [{string.Join(", ", draws[k].shape)}]"))}");
        }

        // The loss as the tutorial writes it, and ten Model steps on one random batch.
        var dummyLosses = TrainOnOneBatch(tour);

        // The VAE for three epochs, its pictures after each.
        manual_seed(options.Seed);
        using var networks = new VaeModel();
        using var model = DynamicVaeTraining.Model(networks, Objective(networks));
        ModelReport.Print(model.ToString(), model.ToLatex());
        var files = new ExampleFiles(options.Output);
        using var latent = 0.5 * randn(64, VaeShape.Latent);
        var (originals, ___) = test.First(8);
        var pictureEpochs = PictureEpochs(Minibatches.PerEpoch(train.Count, DynamicVaeTraining.BatchSize, options.Batches), options.Steps);
        var training = DynamicVaeTraining.Train(options, train, test, model, epoch =>
        {
            if (!pictureEpochs.Contains(epoch)) return;
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            DigitPictures.Reconstructions(files.Picture($"reconstructions_epoch_{epoch}.png"), originals, networks.P.Mean(networks.Q.Sample(originals)));
            DigitPictures.Grid(files.Picture($"samples_epoch_{epoch}.png"), networks.P.Mean(latent));
        });
        var (check, ____) = test.First(500);
        var gap = DynamicAgreement.Compare("the tutorial's loss on 500 test digits", options.Seed, () => networks.Loss(check), () => model.Test(new Variables { ["x"] = check }));
        training.SaveCurve(files.Picture("loss.png"), "the overview's VAE");
        files.Save(networks, "vae.pt");
        AnsiConsole.MarkupLine($"[grey]on the random batch: {dummyLosses[0]:F3} at step 1, {dummyLosses[^1]:F3} at step {DummySteps}[/]");
        return new ExampleResult("test loss (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }

    // One of the tutorial's epochs: 60,000 digits in minibatches of 256.
    private const int TutorialEpochSteps = 235;

    /// <summary>
    /// The epochs that end where the tutorial shows its pictures: the first to pass each multiple of its 235-step epoch,
    /// and the last one.
    /// </summary>
    public static IReadOnlyList<int> PictureEpochs(int stepsPerEpoch, int epochs) =>
        Enumerable.Range(1, epochs)
            .Where(epoch => epoch == epochs || epoch * stepsPerEpoch / TutorialEpochSteps > (epoch - 1) * stepsPerEpoch / TutorialEpochSteps)
            .ToList();

    /// <summary>The tutorial's loss: <c>(kl + reconst).mean()</c> with <c>reconst = -p.log_prob().expectation(q)</c>.</summary>
    private static Loss Objective(VaeModel networks) =>
        (new KullbackLeibler(networks.Q, networks.Pz) + -networks.P.LogProbLoss().Expectation(networks.Q)).Mean();

    /// <summary>The tutorial's train_dummy: Model steps on one batch of N(0, I) "images" (their pixels are not in [0, 1]: the loss goes below zero).</summary>
    private static double[] TrainOnOneBatch(VaeModel networks)
    {
        var loss = Objective(networks);
        using var model = DynamicVaeTraining.Model(networks, loss);
        ModelReport.Print(model.ToString(), model.ToLatex());
        using var dummy = randn(DummySteps, VaeShape.Pixels);
        var losses = new double[DummySteps];
        for (var step = 0; step < DummySteps; step++)
        {
            losses[step] = model.Train(new Variables { ["x"] = dummy });
            AnsiConsole.WriteLine($"Epoch: {step} Train Loss: {losses[step]:F6}");
        }
        return losses;
    }
}
