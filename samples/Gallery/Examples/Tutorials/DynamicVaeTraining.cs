using System;
using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

/// <summary>
/// Tutorials 00 and 03 train Pixyz's VAE (the networks of samples/Vae: 784-512-512-64) through the dynamic API's
/// Model on minibatches of 256, printing each epoch's train loss.
/// </summary>
internal static class DynamicVaeTraining
{
    public const int BatchSize = 256;

    /// <summary>Pixyz's <c>Model(loss, distributions=[p, q], optimizer=Adam, lr=1e-3)</c>.</summary>
    public static Model Model(VaeModel networks, Loss loss) =>
        new(loss, distributions: new Distribution[] { networks.P, networks.Q }, optimizer: parameters => optim.Adam(parameters, 1e-3));

    /// <summary>The tutorials' epochs: <c>model.train({"x": x})</c> per minibatch, then the test loss.</summary>
    public static EpochTraining Train(ExampleOptions options, Digits train, Digits test, Model model, Action<int>? afterEpoch = null)
    {
        var training = new EpochTraining(options, train, test, BatchSize);
        training.Run(
            (progress, x, _) => progress.Report(model.Train(new Variables { ["x"] = x })),
            (x, _) => tensor(model.Test(new Variables { ["x"] = x })), "test loss", afterEpoch);
        return training;
    }
}
