using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.RealNvp;

/// <summary>
/// Pixyz's real_nvp_toy notebook: two moons by maximum likelihood through 5 affine couplings with batch norm, Adam
/// 1e-2, a fresh batch of 128 each of 5000 steps. Writes the learnt density with its draws and the data's noise
/// (Pixyz's inference) over the prior, as the notebook's two scatter plots.
/// </summary>
public sealed class RealNvpToyExample : IExample
{
    public string Name => "real-nvp-toy";

    public string Notebook => "examples/real_nvp_toy.ipynb";

    public string Description => "RealNVP fitted to two moons";

    public string Api => "generated ([Distribution] InverseTransformedDistribution, [Loss]) + dynamic (ML)";

    public string PixyzFigure => "500 draws of p(x) beside the noise z = f(x) of 500 data points";

    public string PixyzPrints => "test loss 1.203 after 4,500 of 5,000 epochs (its last print)";

    public string StepUnit => "steps";

    public int DefaultSteps => 5000;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        using var model = new MoonsModel();
        ModelReport.Print(model.P.ToString(), model.P.ToLatex());
        using var optimizer = optim.Adam(model.parameters(), 1e-2);
        var losses = TrainingProgress.Run(options.Steps, progress =>
        {
            for (var step = 0; step < options.Steps; step++)
            {
                using var scope = NewDisposeScope();
                var x = Moons.Sample(128);
                Minibatches.Step(optimizer, progress, () => model.Nll(x));
            }
        });

        model.eval();
        using var test = Moons.Sample(500);
        using var dynamic = new ML(model.P);
        var gap = DynamicAgreement.Compare("negative log-likelihood of 500 fresh points", options.Seed, () => model.Nll(test), () => dynamic.Test(new Variables { ["x"] = test }));
        double nll;
        using (no_grad()) nll = model.Nll(test).item<float>();

        var files = new ExampleFiles(options.Output);
        using (no_grad())
        using (NewDisposeScope())
        {
            var draws = model.P.Sample(500);
            DensityMap.Save(files.Picture("samples.png"), x => model.P.LogProb(x).exp(), extent: 2.5, title: "p(x) and 500 draws", points: new[] { ("draws", draws) });
            var (noise, _) = model.P.Inference(test);
            DensityMap.Save(files.Picture("noise.png"), z => (-0.5 * z.square().sum(1)).exp() / (2 * System.Math.PI), extent: 3, title: "z = f(x) of 500 data points over p(z)", points: new[] { ("f(x)", noise) });
        }
        TrainingCurve.Save(files.Picture("loss.png"), losses, title: "RealNVP on two moons", yLabel: "negative log-likelihood");
        files.Save(model, "real_nvp_toy.pt");
        return new ExampleResult("test negative log-likelihood (nats per point)", nll, losses, files.Pictures, files.Checkpoint, DynamicGap: gap);
    }
}
