using System.Collections.Generic;
using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Cvae;

/// <summary>
/// Pixyz's cvae notebook: a VAE conditioned on the one-hot label, 10 epochs of Adam 1e-3. The notebook trains
/// Pixyz's VAE class; here the generated loss trains and the VAE class over the same distributions agrees with it.
/// </summary>
public sealed class CvaeExample : IExample
{
    public string Name => "cvae";

    public string Notebook => "examples/cvae.ipynb";

    public string Description => "conditional VAE on MNIST digits and labels";

    public string Api => "generated ([Model] p(x,z|y), [Loss]) + dynamic (VAE, KullbackLeibler)";

    public string PixyzFigure => "test digits over their reconstructions; 64 draws of the digit 1; reconstructions with the label changed to 0-6";

    public string PixyzPrints => "test loss 99.09 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new CvaeModel();
        ModelReport.Print(model.ToString(), CvaeModel.LossLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, model.Loss), model.Loss, "test negative ELBO", module: model);

        using var dynamic = new VAE(model.Q, model.P, regularizer: new KullbackLeibler(model.Q, model.Prior));
        var (x500, y500) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.Loss(x500, y500), () => dynamic.Test(new Variables { ["x"] = x500, ["y"] = y500 }));

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            var (x, y) = test.First(8);
            var z = model.Q.Sample(x, y);
            DigitPictures.Reconstructions(files.Picture("reconstructions.png"), x, model.P.Mean(z, y));
            // The notebook's plot_number = 1: 64 codes 0.5 * N(0, I), all decoded as the digit 1.
            var ones = nn.functional.one_hot(full(64, 1L), 10).to(ScalarType.Float32);
            DigitPictures.Grid(files.Picture("samples_of_1.png"), model.P.Mean(0.5 * randn(64, 64), ones));
            var rows = new List<Tensor> { x };
            for (var digit = 0; digit < 7; digit++)
                rows.Add(model.P.Mean(z, nn.functional.one_hot(full(8, (long)digit), 10).to(ScalarType.Float32)));
            DigitPictures.Grid(files.Picture("changing_label.png"), cat(rows.ToArray()), columns: 8);
        }
        training.SaveCurve(files.Picture("loss.png"), "CVAE on MNIST", testLabel: "test negative ELBO (per epoch)");
        files.Save(model, "cvae.pt");
        return new ExampleResult("test negative ELBO (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
