using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.HierarchicalVi;

/// <summary>
/// Pixyz's hierarchical_variational_inference notebook: p(x|a) p(a|z) p(z) with a of 64 and z of 32 dimensions,
/// inferred by q(a|x) q(z|x), trained by VI. The generated loss trains; VI(p, q1 * q2) agrees with it. Pictures use
/// the decoder's mean where the notebook draws (its own TODO says it should be the mean).
/// </summary>
public sealed class HierarchicalViExample : IExample
{
    public string Name => "hierarchical-vi";

    public string Notebook => "examples/hierarchical_variational_inference.ipynb";

    public string Description => "two-layer latent model by variational inference";

    public string Api => "generated ([Model] p(x,a,z), nested E_q) + dynamic (VI, products of distributions)";

    public string PixyzFigure => "original test digits over their reconstructions; digits decoded from prior draws";

    public string PixyzPrints => "test loss 105.69 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new HierarchicalModel();
        ModelReport.Print(model.ToString(), HierarchicalModel.NegativeElboLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, (x, _) => model.NegativeElbo(x)), (x, _) => model.NegativeElbo(x), "test negative ELBO", module: model);

        using var dynamic = new VI(model.Pa * model.Px * model.Pz, model.Qa * model.Qz);
        var (x500, ___) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.NegativeElbo(x500), () => dynamic.Test(new Variables { ["x"] = x500 }));
        var files = new ExampleFiles(options.Output);
        DigitPictures.Vae(files, test, x => model.Px.Mean(model.Qa.Sample(x)), z => model.Px.Mean(model.Pa.Sample(z)), latent: 32);
        training.SaveCurve(files.Picture("loss.png"), "hierarchical VI on MNIST", testLabel: "test negative ELBO (per epoch)");
        files.Save(model, "hierarchical_vi.pt");
        return new ExampleResult("test negative ELBO (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
