using System;
using PixyzGen.Samples.Gallery.Support;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

/// <summary>
/// Pixyz's Model API tutorial (tutorial/English/03): a VAE trained through <c>Model(loss)</c> with the loss written
/// as objects, mean(KL(q || prior) - E_q[log p]), then fresh networks trained through the preset <c>VAE</c> class,
/// each for as many steps as the tutorial's three epochs, on minibatches of 256. The generated [Loss] of the same distributions gives each model's test
/// loss on the same digits and seed.
/// </summary>
public sealed class ModelApiExample : IExample
{
    public string Name => "model-api";

    public string Notebook => "tutorial/English/03-ModelAPITutorial.ipynb";

    public string Description => "the Model API tutorial: a VAE through Model(loss), then through the VAE class";

    public string Api => "dynamic (Model over KullbackLeibler, Expectation, LogProb; VAE) + generated (the same distributions' [Loss])";

    public string PixyzFigure => "no figures (train loss per epoch)";

    public string PixyzPrints => "train losses 199.86, 147.04, 126.68 through Model and 200.38, 147.14, 127.99 through VAE over epochs 1-3";

    public string StepUnit => "epochs";

    // The tutorial's 705 steps (3 epochs of 60,000 digits in 256s): 20 epochs of our 9,000 make 720. Its 3 epochs here
    // (108 steps) leave the VAE drawing one blurred average digit.
    public int DefaultSteps => 20;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        var (check, ___) = test.First(500);

        // Model(loss): the tutorial subtracts loss objects and takes their mean.
        using var first = new VaeModel();
        var loss = (new KullbackLeibler(first.Q, first.Pz) - new Expectation(first.Q, first.P.LogProbLoss())).Mean();
        using var model = DynamicVaeTraining.Model(first, loss);
        ModelReport.Print(model.ToString(), model.ToLatex());
        var throughModel = DynamicVaeTraining.Train(options, train, test, model);
        var modelGap = DynamicAgreement.Compare("Model(loss) on 500 test digits", options.Seed, () => first.Loss(check), () => model.Test(new Variables { ["x"] = check }));

        // The VAE class over fresh networks: VAE(encoder=q, decoder=p, regularizer=KL(q || prior)).
        using var second = new VaeModel();
        using var vae = new VAE(second.Q, second.P, regularizer: new KullbackLeibler(second.Q, second.Pz), optimizer: parameters => optim.Adam(parameters, 1e-3));
        ModelReport.Print(vae.ToString(), vae.ToLatex());
        var throughVae = DynamicVaeTraining.Train(options, train, test, vae);
        var vaeGap = DynamicAgreement.Compare("VAE class on 500 test digits", options.Seed, () => second.Loss(check), () => vae.Test(new Variables { ["x"] = check }));

        var files = new ExampleFiles(options.Output);
        throughModel.SaveCurve(files.Picture("loss.png"), "VAE through Model(loss)");
        throughVae.SaveCurve(files.Picture("loss_vae_class.png"), "VAE through the VAE class");
        files.Save(new BothVaes(first, second), "model_api.pt");
        var vaeTrain = throughVae.TrainLosses[^1];
        return new ExampleResult($"train loss of the last epoch through Model(loss) (through VAE: {vaeTrain:F3})", throughModel.TrainLosses[^1],
            throughModel.StepLosses, files.Pictures, files.Checkpoint, throughModel.TestLosses, Math.Max(modelGap, vaeGap));
    }

    /// <summary>Both trained VAEs as one module, for one PyTorch state dict: through_model.* and through_vae_class.*.</summary>
    private sealed class BothVaes : nn.Module
    {
        public BothVaes(VaeModel throughModel, VaeModel throughVaeClass) : base(nameof(BothVaes))
        {
            register_module("through_model", throughModel);
            register_module("through_vae_class", throughVaeClass);
        }
    }
}
