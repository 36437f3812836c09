using System;
using System.IO;
using System.Linq;
using PixyzGen;
using PixyzGen.Datasets;
using PixyzGen.Plots;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Samples.Vae.Output;
using PixyzGen.Samples.Vae.Training;
using PixyzGen.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae;

/// <summary>
/// One run of the sample, on the packages' toolkit: the digits as datasets, shuffled minibatches through
/// <see cref="Batches"/>, the epoch loop of <see cref="Trainer"/> (progress, per-epoch test negative ELBO, TensorBoard,
/// a checkpoint each epoch and on Ctrl+C, resume), then pictures and PyTorch-format parameters.
/// </summary>
public static class VaeRun
{
    /// <summary>The trainer's checkpoint in the output folder: <c>--resume</c> continues from it.</summary>
    public const string CheckpointName = "training.ckpt";

    public static int Execute(TrainingOptions options, string dataFolder, string outputFolder, string? tensorBoardFolder = null, bool resume = false)
    {
        var native = NativeSettings.Configure();
        manual_seed(options.Seed);
        var device = new Device(options.Device);
        var (train, test) = MnistData.LoadDatasets(dataFolder, VaeShape.Side);
        OutputFolder.Prepare(outputFolder);   // before training, so a bad --output loses no run
        if (tensorBoardFolder is not null) OutputFolder.Prepare(tensorBoardFolder, "--tensorboard");
        using var trainData = train;
        using var testData = test;
        using var trainBatches = new Batches(trainData, options.BatchSize, shuffle: true, seed: (int)options.Seed, device: device);
        using var testBatches = new Batches(testData, 500, device: device);
        AnsiConsole.MarkupLine($"[grey]{train.Count} training and {test.Count} test images from {Markup.Escape(dataFolder)}; {options.Device}, {native.Threads} threads{(native.OneDnnMaxCpuIsa is { } isa ? $", convolutions capped at {isa} (AMD AVX-512)" : "")}[/]");

        using var model = new VaeModel(options.Hidden, options.Latent);
        model.to(device);   // before the optimizer is built over the parameters
        AnsiConsole.WriteLine(model.ToString());
        var loss = TrainingLoss(model, options.LossFormula);   // reads --loss before anything is trained
        var latex = options.LossFormula is { } formula ? PixyzGen.Loss.Parse(formula, model).ToLatex() : VaeModel.LossLatex;
        if (options.LossFormula is not null) AnsiConsole.MarkupLine($"training on {Markup.Escape(options.LossFormula)}");

        // The test set is always scored by the model's negative ELBO, so runs on other losses compare.
        var objective = Objective.Of(model, new FusedAdam(model.parameters(), options.LearningRate), loss, testLoss: batch => model.Loss(batch["x"]));
        var checkpoint = Path.Combine(outputFolder, CheckpointName);
        var trainer = new Trainer(objective, new TrainerOptions { Epochs = options.Epochs, TensorBoard = tensorBoardFolder, Checkpoint = checkpoint, Resume = resume });
        trainer.TensorBoard?.add_text("model", "```\n" + model + "\n```", 0);   // TensorBoard renders text as Markdown
        trainer.TensorBoard?.add_text("loss_latex", latex, 0);

        using var stop = StopSignal.OnCtrlC();
        var result = trainer.Fit(trainBatches, testBatches, stop.Token);
        if (result.Stopped)
        {
            AnsiConsole.MarkupLine($"stopped: continue with --resume (the checkpoint is {Markup.Escape(Path.GetFullPath(checkpoint))})");
            return VaeCommand.Stopped;
        }

        WritePictures(model, testData, result.History, trainBatches.Count, outputFolder);
        foreach (var picture in new[] { "reconstructions", "samples", "traversal", "loss" })
            if (trainer.TensorBoard is { } writer) writer.add_img(picture, Path.Combine(outputFolder, picture + ".png"), options.Epochs);
        AtomicFile.Write(Path.Combine(outputFolder, "vae.ckpt"), writer => model.save(writer));
        // The same parameters as PyTorch reads them: torch.load("vae.pt") gives the state dict (keys Q.*, P.*).
        PyTorchCheckpoint.Save(model, Path.Combine(outputFolder, "vae.pt"));
        if (result.Last is { } last) AnsiConsole.MarkupLine($"final test negative ELBO: [bold]{last.TestLoss:F2}[/] nats per image");
        AnsiConsole.MarkupLine($"wrote reconstructions.png, samples.png, traversal.png, loss.png, vae.ckpt and vae.pt to {Markup.Escape(Path.GetFullPath(outputFolder))}");
        if (tensorBoardFolder is not null) AnsiConsole.MarkupLine($"TensorBoard: tensorboard --logdir {Markup.Escape(Path.GetFullPath(tensorBoardFolder))}");
        return 0;
    }

    // The generated [Loss], or a formula given at run time through Loss.Parse.
    private static Func<Variables, Tensor> TrainingLoss(VaeModel model, string? formula)
    {
        if (formula is null) return batch => model.Loss(batch["x"]);
        var parsed = PixyzGen.Loss.Parse(formula, model);
        return batch => parsed.Eval(batch.Only(new[] { "x" }));
    }

    private static void WritePictures(VaeModel model, InMemoryDataset test, TrainingHistory history, long stepsPerEpoch, string folder)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var device = model.parameters().First().device;
        // Top row: test digits; bottom row: their reconstructions through the mean code.
        var shown = Math.Min(16, test.Count);   // a small test split shows what it has
        var originals = test["x"].narrow(0, 0, shown).to(device);
        var codes = model.Q.Mean(originals);
        var reconstructions = model.P.Mean(codes);
        ImageGrid.Save(cat(new[] { originals, reconstructions }, 0), Path.Combine(folder, "reconstructions.png"), columns: (int)shown, scale: 3);
        ImageGrid.Save(model.P.Mean(model.Pz.Sample(64)), Path.Combine(folder, "samples.png"), columns: 8, scale: 3);
        // The first eight latent dimensions swept around the first test digit's code.
        LatentPictures.Traversal(Path.Combine(folder, "traversal.png"), model.P.Mean, codes[0], steps: 11, dimensions: 8);
        LossCurve.Save(history, stepsPerEpoch, Path.Combine(folder, "loss.png"));
    }
}
