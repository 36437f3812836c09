using System;
using System.Collections.Generic;
using System.IO;
using PixyzGen;
using PixyzGen.Datasets;
using PixyzGen.Plots;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Samples.Vae.Output;
using PixyzGen.Samples.Vae.Training;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae;

/// <summary>One run of the sample: load, train with a progress bar, report, write pictures and a checkpoint.</summary>
public static class VaeRun
{
    // The split's images on the training device (the CPU copy is released when it moved).
    private static MnistSplit OnDevice(MnistSplit split, Device device)
    {
        if (split.Images.device_type == device.type) return split;   // already there: to() would hand back the same tensor
        var moved = split with { Images = split.Images.to(device) };
        split.Dispose();
        return moved;
    }

    public static int Execute(TrainingOptions options, string dataFolder, string outputFolder, string? tensorBoardFolder = null)
    {
        var native = NativeSettings.Configure();
        manual_seed(options.Seed);
        var device = new Device(options.Device);
        var (train, test) = MnistData.Load(dataFolder, VaeShape.Side);
        OutputFolder.Prepare(outputFolder);   // before training, so a bad --output loses no run
        var log = TensorBoardLog.Open(tensorBoardFolder);
        using var trainData = OnDevice(train, device);
        using var testData = OnDevice(test, device);
        AnsiConsole.MarkupLine($"[grey]{train.Count} training and {test.Count} test images from {Markup.Escape(dataFolder)}; {options.Device}, {native.Threads} threads{(native.OneDnnMaxCpuIsa is { } isa ? $", convolutions capped at {isa} (AMD AVX-512)" : "")}[/]");

        using var model = new VaeModel(options.Hidden, options.Latent);
        model.to(device);   // before the trainer builds its optimizer over the parameters
        AnsiConsole.WriteLine(model.ToString());
        var trainer = new VaeTrainer(model, options);   // reads --loss before anything is trained
        var latex = options.LossFormula is { } formula ? Loss.Parse(formula, model).ToLatex() : VaeModel.LossLatex;
        if (options.LossFormula is not null) AnsiConsole.MarkupLine($"training on {Markup.Escape(options.LossFormula)}");
        log.Model(model.ToString(), latex, 0);
        var epochs = new List<EpochResult>();
        var stepsPerEpoch = trainer.StepsPerEpoch(train.Count);

        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var progress = context.AddTask("training", maxValue: options.Epochs * stepsPerEpoch);
                for (var epoch = 1; epoch <= options.Epochs; epoch++)
                {
                    var running = double.NaN;
                    var firstStep = (epoch - 1) * stepsPerEpoch;
                    var trainLoss = trainer.TrainEpoch(trainData, (step, loss) =>
                    {
                        log.Step(firstStep + step, loss);
                        running = double.IsNaN(running) ? loss : 0.95 * running + 0.05 * loss;
                        progress.Description = $"epoch {epoch}/{options.Epochs}  loss {running:F1}";
                        progress.Increment(1);
                    });
                    var testElbo = trainer.Evaluate(testData);
                    epochs.Add(new EpochResult(epoch, trainLoss, testElbo));
                    log.Epoch(epoch, trainLoss, testElbo);
                    AnsiConsole.MarkupLine($"epoch {epoch,3}  train loss {trainLoss,8:F2}  test negative ELBO {testElbo,8:F2} nats");
                }
            });

        WritePictures(model, testData, trainer, epochs, stepsPerEpoch, outputFolder);
        foreach (var picture in new[] { "reconstructions", "samples", "loss" })
            log.Image(picture, Path.Combine(outputFolder, picture + ".png"), options.Epochs);
        var checkpoint = Path.Combine(outputFolder, "vae.ckpt");
        AtomicFile.Write(checkpoint, writer => model.save(writer));
        // The same parameters as PyTorch reads them: torch.load("vae.pt") gives the state dict (keys Q.*, P.*).
        PyTorchCheckpoint.Save(model, Path.Combine(outputFolder, "vae.pt"));
        AnsiConsole.MarkupLine($"final test negative ELBO: [bold]{epochs[^1].TestNegativeElbo:F2}[/] nats per image");
        AnsiConsole.MarkupLine($"wrote reconstructions.png, samples.png, loss.png, vae.ckpt and vae.pt to {Markup.Escape(Path.GetFullPath(outputFolder))}");
        if (log.Folder is { } events) AnsiConsole.MarkupLine($"TensorBoard: tensorboard --logdir {Markup.Escape(Path.GetFullPath(events))}");
        return 0;
    }

    private static void WritePictures(VaeModel model, MnistSplit test, VaeTrainer trainer, List<EpochResult> epochs, int stepsPerEpoch, string folder)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // Top row: test digits; bottom row: their reconstructions through the mean code.
        var shown = Math.Min(16, test.Count);   // a small test split shows what it has
        var originals = test.Images.narrow(0, 0, shown);
        var reconstructions = model.P.Mean(model.Q.Mean(originals));
        ImageGrid.Save(cat(new[] { originals, reconstructions }, 0), Path.Combine(folder, "reconstructions.png"), columns: (int)shown, scale: 3);
        var samples = model.P.Mean(model.Pz.Sample(64));
        ImageGrid.Save(samples, Path.Combine(folder, "samples.png"), columns: 8, scale: 3);
        LossCurve.Save(trainer.StepLosses, epochs, stepsPerEpoch, Path.Combine(folder, "loss.png"));
    }
}
