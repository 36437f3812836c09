using System;
using System.Linq;
using PixyzGen;
using PixyzGen.Datasets;
using PixyzGen.Training;
using PixyzGenVae.Data;
using PixyzGenVae.Model;
using static TorchSharp.torch;

// Usage: dotnet run -- [--epochs N] [--seed S] [--resume]
NativeSettings.Configure();
var epochs = Option(args, "--epochs", 10);
var seed = Option(args, "--seed", 1);
manual_seed(seed);

// 6,400 training and 1,280 test images of bars, in minibatches of 128 drawn in a new order each epoch.
using var train = new InMemoryDataset(("x", Bars.Sample(6400)));
using var test = new InMemoryDataset(("x", Bars.Sample(1280)));
using var trainBatches = new Batches(train, 128, shuffle: true, seed: seed);
using var testBatches = new Batches(test, 640);

using var model = new BarsVae();
Console.WriteLine(model);
var trainer = new Trainer(
    Objective.Of(model, optim.Adam(model.parameters(), 1e-2), batch => model.Loss(batch["x"])),
    new TrainerOptions { Epochs = epochs, Checkpoint = "bars-vae.ckpt", Resume = args.Contains("--resume") });
using var stop = StopSignal.OnCtrlC();   // Ctrl+C stops after the step and writes the checkpoint; --resume continues
var result = trainer.Fit(trainBatches, testBatches, stop.Token);
if (result.Stopped) return;

// A few images decoded from the prior: each should look like a set of bars.
using (no_grad())
{
    model.eval();
    var samples = model.P.Mean(model.Pz.Sample(3));
    for (var i = 0; i < 3; i++) Console.WriteLine(Bars.Render(samples[i]));
}

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
