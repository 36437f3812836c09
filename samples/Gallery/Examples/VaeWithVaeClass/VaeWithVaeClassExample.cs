using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.VaeWithVaeClass;

/// <summary>
/// Pixyz's vae_with_vae_class notebook: the same VAE trained through Pixyz's preset <c>VAE(encoder, decoder,
/// regularizer=KL(q, prior))</c> of the dynamic API. The generated loss of the same distributions is evaluated beside
/// it on the same batches and seeds: the numbers agree.
/// </summary>
public sealed class VaeWithVaeClassExample : IExample
{
    public string Name => "vae-with-vae-class";

    public string Notebook => "examples/vae_with_vae_class.ipynb";

    public string Description => "the VAE through the dynamic API's VAE class";

    public string Api => "dynamic (VAE, KullbackLeibler) + generated (the same distributions' [Loss])";

    public string PixyzFigure => "original test digits over their reconstructions; digits decoded from prior draws";

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
        using var networks = new VaeModel();   // its Q, P and Pz; its generated Loss is the check
        using var model = new VAE(networks.Q, networks.P, regularizer: new KullbackLeibler(networks.Q, networks.Pz), optimizer: ps => optim.Adam(ps, 1e-3));
        ModelReport.Print(model.ToString(), model.ToLatex());
        var training = new EpochTraining(options, train, test);
        training.Run(
            (progress, x, _) => progress.Report(model.Train(new Variables { ["x"] = x })),
            (x, _) => tensor(model.Test(new Variables { ["x"] = x })), "test loss");

        var (first, ___) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => networks.Loss(first), () => model.Test(new Variables { ["x"] = first }));
        var files = new ExampleFiles(options.Output);
        DigitPictures.Vae(files, test, x => networks.P.Mean(networks.Q.Sample(x)), z => networks.P.Mean(z), VaeShape.Latent);
        training.SaveCurve(files.Picture("loss.png"), "VAE class on MNIST", testLabel: "test loss (per epoch)");
        files.Save(networks, "vae.pt");
        return new ExampleResult("test negative ELBO (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
