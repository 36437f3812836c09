using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.MaximumLikelihood;

/// <summary>
/// Pixyz's maximum_likelihood notebook: an MNIST classifier trained by maximum likelihood, 10 epochs of Adam 1e-3.
/// The generated loss trains it; Pixyz's <c>ML(p)</c> over the same distribution gives the same test loss.
/// </summary>
public sealed class MaximumLikelihoodExample : IExample
{
    public string Name => "maximum-likelihood";

    public string Notebook => "examples/maximum_likelihood.ipynb";

    public string Description => "MNIST classifier by maximum likelihood";

    public string Api => "generated ([Loss] -mean(log p(y|x))) + dynamic (ML)";

    public string PixyzFigure => "train and test loss per epoch (TensorBoard)";

    public string PixyzPrints => "test loss (cross-entropy) 0.0856 after 10 epochs; no accuracy";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = new ClassifierModel();
        ModelReport.Print(model.P.ToString(), ClassifierModel.NllLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, model.Nll), model.Nll, "test loss", module: model);

        var accuracy = Minibatches.Accuracy(test, x => model.P.Params(x).Logits);
        using var dynamic = new ML(model.P);
        var (x, y) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.Nll(x, y), () => dynamic.Test(new Variables { ["x"] = x, ["y"] = y }));

        var files = new ExampleFiles(options.Output);
        training.SaveCurve(files.Picture("loss.png"), "maximum likelihood on MNIST", yLabel: "negative log-likelihood");
        files.Save(model, "classifier.pt");
        return new ExampleResult("test accuracy", accuracy, training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
