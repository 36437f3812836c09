using System;
using System.Collections.Generic;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Multimodal;

/// <summary>
/// Pixyz's jmvae, jmvae_poe and mvae notebooks: images and labels as two modalities of one code, Adam 1e-3 for the
/// notebooks' epochs (10; the MVAE's 100). Each notebook's dynamic model (VAE with the KL regularizers, or the MVAE's
/// sum of ELBOs) is built beside the generated loss over the same distributions and agrees with it. Beyond the
/// notebooks' pictures, the label decoded from the image alone (p(y|z), z the mean of q(z|x)) is scored on the test
/// digits.
/// </summary>
public sealed class MultimodalExample(string name, string notebook, string description, string dynamicApi, string pixyzPrints, int defaultEpochs, Func<IMultimodalModel> create) : IExample
{
    public static MultimodalExample Jmvae() => new("jmvae", "examples/jmvae.ipynb", "joint multimodal VAE over digits and labels", "VAE, KullbackLeibler", "test loss 122.13 after 10 epochs", 10, () => new JmvaeModel());

    public static MultimodalExample JmvaePoe() => new("jmvae-poe", "examples/jmvae_poe.ipynb", "JMVAE whose joint encoder is a product of experts", "VAE, KullbackLeibler, ProductOfNormal", "test loss 165.79 after 10 epochs", 10, () => new JmvaePoeModel());

    public static MultimodalExample Mvae() => new("mvae", "examples/mvae.ipynb", "multimodal VAE with a product of experts", "Expectation, LogProb, KullbackLeibler, Model", "test loss 221.15 after 100 epochs", 100, () => new MvaeModel());

    public string Name => name;

    public string Notebook => notebook;

    public string Description => description;

    public string Api => $"generated ([Loss]) + dynamic ({dynamicApi})";

    public string PixyzFigure => "test digits over reconstructions from q(z|x,y); digits from the label alone (q(z|y)), 7 draws; reconstructions from the image alone (q(z|x))";

    public string PixyzPrints => pixyzPrints;

    public string StepUnit => "epochs";

    public int DefaultSteps => defaultEpochs;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var model = create();
        var module = (nn.Module)model;
        var (text, latex) = model.Printed;
        ModelReport.Print(text, latex);
        using var optimizer = optim.Adam(module.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, model.Loss), model.Loss, "test loss", module: module);

        var crossModal = Minibatches.Accuracy(test, x => model.Py.Params(model.Qx.Params(x).Loc).Logits);
        AnsiConsole.MarkupLine($"labels decoded from the image alone: {crossModal:P1} of the test digits");
        using var dynamic = model.Dynamic();
        var (x500, y500) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => model.Loss(x500, y500), () => dynamic.Test(new Variables { ["x"] = x500, ["y"] = y500 }));

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            var (x, y) = test.First(8);
            DigitPictures.Reconstructions(files.Picture("reconstructions.png"), x, model.Px.Mean(model.SampleJoint(x, y)));
            var fromLabel = new List<Tensor> { x };
            for (var i = 0; i < 7; i++) fromLabel.Add(model.Px.Mean(model.Qy.Sample(y)));
            DigitPictures.Grid(files.Picture("images_from_labels.png"), cat(fromLabel.ToArray()));
            DigitPictures.Reconstructions(files.Picture("reconstructions_from_image.png"), x, model.Px.Mean(model.Qx.Sample(x)));
        }
        training.SaveCurve(files.Picture("loss.png"), $"{name} on MNIST digits and labels");
        files.Save(module, name.Replace('-', '_') + ".pt");
        return new ExampleResult("test loss (negative bound, nats)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }
}
