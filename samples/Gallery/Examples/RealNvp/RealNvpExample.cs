using System.Collections.Generic;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.RealNvp;

/// <summary>
/// Pixyz's real_nvp and real_nvp_cond notebooks: MNIST by maximum likelihood through Preprocess and 5 coupling
/// blocks of 1028 units with batch norm, Adam 1e-3; the conditional flow's couplings read the label. Writes test
/// digits over their round trip x -> z -> x, and digits decoded from fixed noise (per label for the conditional one).
/// </summary>
public sealed class RealNvpExample(bool conditional) : IExample
{
    public string Name => conditional ? "real-nvp-cond" : "real-nvp";

    public string Notebook => conditional ? "examples/real_nvp_cond.ipynb" : "examples/real_nvp.ipynb";

    public string Description => conditional ? "label-conditional RealNVP on MNIST" : "RealNVP on MNIST";

    public string Api => conditional ? "generated ([Distribution] p(x|y) flow, [Loss]) + dynamic (ML)" : "generated ([Distribution] p(x) flow, [Loss]) + dynamic (ML)";

    public string PixyzFigure => conditional
        ? "test digits over x -> z -> x; 64 digits 5 from noise of scale 0.5; test digits' z decoded with the labels 0-6"
        : "test digits over x -> z -> x; digits from fixed noise";

    public string PixyzPrints => conditional ? "test loss 1305.10 after 10 epochs" : "test loss 1452.14 after 10 epochs";

    public string StepUnit => "epochs";

    public int DefaultSteps => 10;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var plain = conditional ? null : new DigitFlowModel();
        using var labelled = conditional ? new ConditionalDigitFlowModel() : null;
        nn.Module module = conditional ? labelled! : plain!;
        InverseTransformedDistribution flow = conditional ? labelled!.P : plain!.P;
        System.Func<Tensor, Tensor, Tensor> loss = conditional ? labelled!.Nll : (x, _) => plain!.Nll(x);
        ModelReport.Print(flow.ToString(), flow.ToLatex());
        using var optimizer = optim.Adam(module.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        training.Run(EpochTraining.Minimizing(optimizer, loss), loss, "test negative log-likelihood", module: module);

        using var dynamic = new ML(flow);
        var (x500, y500) = test.First(500);
        var gap = DynamicAgreement.Compare("test loss on 500 digits", options.Seed, () => loss(x500, y500), () => dynamic.Test(new Variables { ["x"] = x500, ["y"] = y500 }));
        AnsiConsole.MarkupLine($"test negative log-likelihood: {training.TestLosses[^1]:F1} nats per image, {FlowMetrics.BitsPerDimension(training.TestLosses[^1], 784):F3} bits per dimension");

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            var (x, y) = test.First(8);
            var condition = conditional ? y : null;
            var (z, ___) = flow.Inference(x, condition);
            DigitPictures.Reconstructions(files.Picture("reconstructions.png"), x, flow.Inverse(z, condition));
            if (conditional)
            {
                // The notebook draws its noise at scale 0.5 and decodes it as the digit 5; it also decodes each test
                // digit's z under the labels 0-6. The per-label grid (not in the notebook) shows one noise under every label.
                var digit5 = OneHot(64, 5);
                DigitPictures.Grid(files.Picture("samples_of_5.png"), flow.Inverse(0.5 * randn(64, 784), digit5));
                var changed = new List<Tensor> { x };
                for (var digit = 0; digit < 7; digit++)
                    changed.Add(flow.Inverse(z, OneHot(8, digit)));
                DigitPictures.Grid(files.Picture("changing_label.png"), cat(changed.ToArray()));
                using var noise = 0.5 * randn(8, 784);
                var rows = new List<Tensor>();
                for (var digit = 0; digit < 10; digit++)
                    rows.Add(flow.Inverse(noise, OneHot(8, digit)));
                DigitPictures.Grid(files.Picture("samples_per_label.png"), cat(rows.ToArray()));
            }
            else
            {
                DigitPictures.Grid(files.Picture("samples.png"), flow.Inverse(randn(64, 784)));
            }
        }
        training.SaveCurve(files.Picture("loss.png"), Description, yLabel: "negative log-likelihood (nats per image)");
        files.Save(module, Name.Replace('-', '_') + ".pt");
        return new ExampleResult("test negative log-likelihood (nats per image)", training.TestLosses[^1], training.StepLosses, files.Pictures, files.Checkpoint, training.TestLosses, gap);
    }

    private static Tensor OneHot(long count, int digit) => nn.functional.one_hot(full(count, (long)digit), 10).to(ScalarType.Float32);
}
