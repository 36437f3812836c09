using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.ImageFlows;

/// <summary>
/// Pixyz's real_nvp_cifar and glow notebooks, on the embedded MNIST digits as 1 x 28 x 28 images (CIFAR-10 is not
/// available here): checkerboard and channel-wise couplings around a squeeze, and for Glow ActNorm and invertible
/// 1 x 1 convolutions; batches of 32 (the notebooks'), Adam 1e-3. ML over the same distribution agrees.
/// </summary>
public sealed class ImageFlowExample(bool glow) : IExample
{
    public string Name => glow ? "glow" : "real-nvp-cifar";

    public string Notebook => glow ? "examples/glow.ipynb" : "examples/real_nvp_cifar.ipynb";

    public string Description => glow ? "Glow (ActNorm, 1x1 convolutions, couplings) on MNIST images" : "RealNVP with image couplings on MNIST images (the notebook's CIFAR-10 is not here)";

    public string Api => "generated ([Distribution] image flow, [Loss]) + dynamic (ML)";

    public string PixyzFigure => "test images over x -> z -> x; images from fixed noise";

    public string PixyzPrints => glow ? "test loss 8395.74 after 5 epochs (CIFAR-10, 3x32x32)" : "test loss 8749.61 after 5 epochs (CIFAR-10, 3x32x32)";

    public string StepUnit => "epochs";

    public int DefaultSteps => 5;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var realNvp = glow ? null : new ImageRealNvpModel();
        using var glowModel = glow ? new ImageGlowModel() : null;
        nn.Module module = glow ? glowModel! : realNvp!;
        InverseTransformedDistribution flow = glow ? glowModel!.P : realNvp!.P;
        Tensor Loss(Tensor x, Tensor y) => glow ? glowModel!.Nll(Images(x)) : realNvp!.Nll(Images(x));
        ModelReport.Print(flow.ToString(), flow.ToLatex());
        using var optimizer = optim.Adam(module.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test, batchSize: 32);
        training.Run(EpochTraining.Minimizing(optimizer, Loss), Loss, "test negative log-likelihood", module: module);

        using var dynamic = new ML(flow);
        var (x100, y100) = test.First(100);
        var gap = DynamicAgreement.Compare("test loss on 100 digits", options.Seed, () => Loss(x100, y100), () => dynamic.Test(new Variables { ["x"] = Images(x100) }));
        AnsiConsole.MarkupLine($"{FlowMetrics.BitsPerDimension(training.TestLosses[^1], 784):F3} bits per dimension");

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            var (x, ___) = test.First(8);
            var (z, ____) = flow.Inference(Images(x));
            DigitPictures.Reconstructions(files.Picture("reconstructions.png"), x, flow.Inverse(z).reshape(-1, 784));
            DigitPictures.Grid(files.Picture("samples.png"), flow.Inverse(randn(64, 1, 28, 28)).reshape(-1, 784));
            // Not in the notebooks: the Glow paper's reduced temperature (noise of scale 0.7), which its authors found gives the most data-like samples.
            DigitPictures.Grid(files.Picture("samples_at_temperature_0.7.png"), flow.Inverse(0.7 * randn(64, 1, 28, 28)).reshape(-1, 784));
        }
        training.SaveCurve(files.Picture("loss.png"), Description, yLabel: "negative log-likelihood (nats per image)");
        files.Save(module, Name.Replace('-', '_') + ".pt");
        return new ExampleResult("test negative log-likelihood (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }

    private static Tensor Images(Tensor flat) => flat.reshape(-1, 1, 28, 28);
}
