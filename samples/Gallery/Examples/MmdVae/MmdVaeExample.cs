using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.MmdVae;

/// <summary>
/// Pixyz's mmd_vae notebook: the reconstruction cross-entropy plus the Gaussian-kernel MMD (sigma^2 = z_dim / 2)
/// between the aggregate posterior (q times the empirical data distribution, x marginalized) and the prior. The
/// dynamic loss, built as the notebook builds it, gives the generated number.
/// </summary>
public sealed class MmdVaeExample : IExample
{
    public string Name => "mmd-vae";

    public string Notebook => "examples/mmd_vae.ipynb";

    public string Description => "VAE with a maximum mean discrepancy regularizer";

    public string Api => "generated ([Loss] with MMD) + dynamic (CrossEntropy, MMD, DataDistribution, MarginalizeVar)";

    public string PixyzFigure => "original test digits over their reconstructions; digits decoded from prior draws";

    public string PixyzPrints => "test loss 60.75 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new MmdVaeModel();
        ModelReport.Print(model.ToString(), MmdVaeModel.LossLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, (x, _) => model.Loss(x)), (x, _) => model.Loss(x), "test loss", module: model);

        var aggregate = (model.Q * new DataDistribution(new[] { "x" })).MarginalizeVar("x");
        var dynamic = new CrossEntropy(model.Q, model.P).Mean() + new MMD(aggregate, model.Pz, sigmaSquared: VaeShape.Latent / 2.0);
        var (first, ___) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.Loss(first), () =>
        {
            using var noGrad = no_grad();
            return dynamic.Eval(new Variables { ["x"] = first }).item<float>();
        });
        var files = new ExampleFiles(options.Output);
        DigitPictures.Vae(files, test, x => model.P.Mean(model.Q.Sample(x)), z => model.P.Mean(z), VaeShape.Latent);
        training.SaveCurve(files.Picture("loss.png"), "MMD-VAE on MNIST", testLabel: "test loss (per epoch)");
        files.Save(model, "mmd_vae.pt");
        return new ExampleResult("test loss (cross-entropy + MMD)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
