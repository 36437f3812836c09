// A VAE in one file: dotnet run vae.cs [-- --epochs 3 --loss "<formula>"]
// The packages come from the feed README.md packs into ./feed at the repository's root (nuget.config beside this file).
#:package PixyzGen@0.1.0-*
#:package PixyzGen.Training@0.1.0-*
#:package TorchSharp-cpu@0.107.0

using System;
using System.IO;
using System.Linq;
using PixyzGen;
using PixyzGen.Datasets;
using PixyzGen.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

NativeSettings.Configure();
var epochs = args.SkipWhile(a => a != "--epochs").Skip(1).Select(int.Parse).FirstOrDefault(3);
var formula = args.SkipWhile(a => a != "--loss").Skip(1).FirstOrDefault();
manual_seed(1);

// The 10,000 MNIST digits beside the samples (samples/data), as datasets of "x" (images) and "y" (labels).
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
var (train, test) = MnistData.LoadDatasets(Path.Combine(here, "..", "data"));
using var _ = train;
using var __ = test;
using var trainBatches = new Batches(train, 128, shuffle: true, seed: 1);
using var testBatches = new Batches(test, 500);

using var model = new Vae();
Console.WriteLine(model);
// The generated [Loss], or a formula read at run time: a beta-VAE or an IWAE bound without recompiling.
Func<Tensor, Tensor> loss = model.Loss;
if (formula is not null)
{
    Loss parsed;
    try { parsed = Loss.Parse(formula, model); }
    catch (DslException e)
    {
        Console.Error.WriteLine($"error: --loss: {e}");   // the rule's id and message, the formula with a caret line under the span
        return 1;
    }
    Console.WriteLine($"training on {parsed}");
    loss = x => parsed.Eval(new Variables { ["x"] = x });
}
var trainer = new Trainer(
    Objective.Of(model, new FusedAdam(model.parameters(), 1e-3), batch => loss(batch["x"]), testLoss: batch => model.Loss(batch["x"])),
    new TrainerOptions { Epochs = epochs });
var result = trainer.Fit(trainBatches, testBatches);
Console.WriteLine($"test negative ELBO {result.Last!.TestLoss:F2} nats per image");
Console.WriteLine($"test log-likelihood (importance-sampled, k = 100) {MarginalLikelihood.Mean(model.P * model.Pz, model.Q, testBatches, samples: 100):F2} nats");
return 0;

[Distribution("q(z|x)")]
public sealed partial class Encoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(784, 256), ReLU(), Linear(256, 32));

    public Encoder() : base() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("p(x|z)")]
public sealed partial class Decoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(16, 256), ReLU(), Linear(256, 784));

    public Decoder() : base() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}

[Distribution("p(z)")]
public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [16]);

[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class Vae : GenerativeModel
{
    public Encoder Q { get; } = new();

    public Decoder P { get; } = new();

    public Prior Pz { get; } = new();

    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor Loss(Tensor x);
}
