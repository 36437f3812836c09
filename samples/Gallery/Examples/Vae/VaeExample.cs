using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Vae;

/// <summary>
/// Pixyz's vae notebook: the main job's VAE (784-512-512-64, Bernoulli decoder, KL to a standard Normal prior), 10
/// epochs of Adam 1e-3 on batches of 128. Writes test digits over their reconstructions, digits decoded from prior
/// draws, and the loss curve; the checkpoint is the model's state dict.
/// </summary>
public sealed class VaeExample : IExample
{
    public string Name => "vae";

    public string Notebook => "examples/vae.ipynb";

    public string Description => "variational autoencoder on MNIST";

    public string Api => "generated ([Model] VaeModel of samples/Vae, [Loss])";

    public string PixyzFigure => "original test digits over their reconstructions; digits decoded from prior draws; train/test loss per epoch";

    public string PixyzPrints => "test loss 104.00 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new VaeModel();
        ModelReport.Print(model.ToString(), VaeModel.LossLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, (x, _) => model.Loss(x)), (x, _) => model.Loss(x), "test negative ELBO", module: model);

        var files = new ExampleFiles(options.Output);
        DigitPictures.Vae(files, test, x => model.P.Mean(model.Q.Sample(x)), z => model.P.Mean(z), VaeShape.Latent);
        training.SaveCurve(files.Picture("loss.png"), "VAE on MNIST", testLabel: "test negative ELBO (per epoch)");
        files.Save(model, "vae.pt");
        return new ExampleResult("test negative ELBO (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses);
    }
}
