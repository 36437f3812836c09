using System;
using System.CommandLine;
using System.IO;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.CommandLine;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Samples.Vae.Output;
using PixyzGen.Samples.Vae.Training;

namespace PixyzGen.Samples.Vae;

/// <summary>
/// The command line of the sample. Exit codes: 0 done, 1 bad arguments (a --loss formula the DSL refuses included), 2 missing or corrupt data file, 3 output
/// folder not writable, 4 training diverged (NaN or infinite loss; the last epoch's checkpoint kept), 5 stopped by Ctrl+C (checkpoint written; --resume continues).
/// </summary>
public static class VaeCommand
{
    public const int DataError = 2;
    public const int OutputError = 3;
    public const int Diverged = 4;
    public const int Stopped = 5;

    public static int Run(string[] args)
    {
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training images", DefaultValueFactory = _ => 20 };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per training step", DefaultValueFactory = _ => 128 };
        var latent = new Option<int>("--latent") { Description = "Dimensions of the latent code z", DefaultValueFactory = _ => VaeShape.Latent };
        var hidden = new Option<int>("--hidden") { Description = "Units of each hidden layer", DefaultValueFactory = _ => VaeShape.Hidden };
        var seed = new Option<long>("--seed") { Description = "Random seed (weights, batches and samples)", DefaultValueFactory = _ => 1 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Adam's learning rate", DefaultValueFactory = _ => 1e-3 };
        var data = new Option<string>("--data") { Description = "Folder of MNIST-format IDX files (train-*/t10k-*, .gz or plain); default: the embedded 10,000 digits", DefaultValueFactory = _ => EmbeddedData.Folder };
        var output = new Option<string>("--output") { Description = "Folder for the PNGs and the checkpoint", DefaultValueFactory = _ => "out/vae" };
        var tensorBoard = new Option<string?>("--tensorboard") { Description = "Folder for TensorBoard event files (losses, test ELBO, the model's text, the PNGs); none by default" };
        var loss = new Option<string?>("--loss") { Description = "A loss formula to train on in place of the model's [Loss], e.g. \"mean(4 * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])\" (read at run time; the test score stays the negative ELBO)" };
        var resume = new Option<bool>("--resume") { Description = $"Continue the run whose checkpoint ({VaeRun.CheckpointName}) is in --output; it ends as an uninterrupted run would" };
        var device = new Option<string>("--device") { Description = "cpu, cuda (needs the TorchSharp CUDA package in place of TorchSharp-cpu) or auto (cuda when available)", DefaultValueFactory = _ => "auto" };
        device.AcceptOnlyFromAmong("cpu", "cuda", "auto");

        // A token that is not a number is already a parse error; reading its value here would throw instead.
        foreach (var option in new[] { epochs, batchSize, latent, hidden })
            option.Validators.Add(result => { if (Parsed<int>(result) is < 1) result.AddError($"{result.Option.Name} must be at least 1."); });
        learningRate.Validators.Add(result => { if (Parsed<double>(result) is { } rate && !(rate > 0 && double.IsFinite(rate))) result.AddError("--learning-rate must be positive and finite."); });

        var root = new RootCommand("Trains a VAE written with PixyzGen's [Distribution], [Model] and [Loss] on MNIST.")
        {
            epochs, batchSize, latent, hidden, seed, learningRate, data, output, device, tensorBoard, loss, resume,
        };
        root.SetAction(parsed =>
        {
            if (Devices.Resolve(parsed.GetValue(device)!) is not { } chosen)
            {
                Console.Error.WriteLine("error: --device cuda: no CUDA device is available (install a TorchSharp CUDA package in place of TorchSharp-cpu, or use --device cpu)");
                return 1;
            }
            var options = new TrainingOptions(parsed.GetValue(epochs), parsed.GetValue(batchSize), parsed.GetValue(hidden), parsed.GetValue(latent), parsed.GetValue(seed), parsed.GetValue(learningRate), chosen, parsed.GetValue(loss));
            try
            {
                return VaeRun.Execute(options, parsed.GetValue(data)!, parsed.GetValue(output)!, parsed.GetValue(tensorBoard), parsed.GetValue(resume));
            }
            catch (Exception e) when (e is DslException or NotSupportedException)
            {
                // A formula the DSL refuses is a bad argument: its diagnostic, with the formula and a caret under the span.
                Console.Error.WriteLine($"error: --loss: {(e is DslException dsl ? dsl.ToString() : e.Message)}");
                return CommandLineRun.BadArguments;
            }
            catch (DataFileException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return DataError;
            }
            catch (OutputFolderException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return OutputError;
            }
            catch (NonFiniteLossException e)
            {
                Console.Error.WriteLine($"error: training diverged at step {e.Step}: the loss is not finite; lower --learning-rate (no pictures or parameters were written)");
                return Diverged;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: --resume: {e.Message}");
                return DataError;
            }
        });
        return CommandLineRun.Invoke(root, args);
    }

    private static T? Parsed<T>(System.CommandLine.Parsing.OptionResult result) where T : struct
    {
        try { return result.GetValueOrDefault<T>(); }
        catch (InvalidOperationException) { return null; }
    }
}
