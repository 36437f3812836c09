using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Vi;

/// <summary>
/// Pixyz's vi notebook: the VAE trained by Pixyz's VI(p_joint, q), the ELBO estimated by one draw of z (no closed-form
/// KL). The generated loss trains; VI over the same distributions gives its number.
/// </summary>
public sealed class ViExample : IExample
{
    public string Name => "vi";

    public string Notebook => "examples/vi.ipynb";

    public string Description => "variational inference: the VAE under the Monte Carlo ELBO";

    public string Api => "generated ([Loss] E_q[log p - log q]) + dynamic (VI)";

    public string PixyzFigure => "original test digits over their reconstructions; digits decoded from prior draws";

    public string PixyzPrints => "test loss 105.59 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new ViModel();
        ModelReport.Print(model.ToString(), ViModel.NegativeElboLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, (x, _) => model.NegativeElbo(x)), (x, _) => model.NegativeElbo(x), "test negative ELBO", module: model);

        using var dynamic = new VI(model.P * model.Pz, model.Q);
        var (x500, ___) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.NegativeElbo(x500), () => dynamic.Test(new Variables { ["x"] = x500 }));
        var files = new ExampleFiles(options.Output);
        DigitPictures.Vae(files, test, x => model.P.Mean(model.Q.Sample(x)), z => model.P.Mean(z), VaeShape.Latent);
        training.SaveCurve(files.Picture("loss.png"), "VI on MNIST", testLabel: "test negative ELBO (per epoch)");
        files.Save(model, "vi.pt");
        return new ExampleResult("test negative ELBO (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
