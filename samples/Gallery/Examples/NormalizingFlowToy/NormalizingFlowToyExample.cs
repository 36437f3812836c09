using System.Collections.Generic;
using System.IO;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.NormalizingFlowToy;

/// <summary>
/// Pixyz's normalizing_flow_toy notebook: variational inference of the banana density with 32 planar layers, batch 128,
/// Adam 1e-2. Writes the target density, the flow's draws over it (as the notebook plots every 100 epochs) and the
/// loss curve.
/// </summary>
public sealed class NormalizingFlowToyExample : IExample
{
    public string Name => "normalizing-flow-toy";

    public string Notebook => "examples/normalizing_flow_toy.ipynb";

    public string Description => "planar flow fitted to an unnormalized banana density";

    public string Api => "generated (CustomDensity target, planar flow, [Loss])";

    public string PixyzFigure => "the banana density; the flow's draws every 100 epochs";

    public string PixyzPrints => "test loss -0.230 after 1,900 of 2,000 epochs (its last print; -0.98 at 1,600)";

    public string StepUnit => "steps";

    public int DefaultSteps => 2000;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        using var model = new BananaVi();
        ModelReport.Print(model.Q.ToString(), BananaVi.NegativeElboLatex);
        using var optimizer = optim.Adam(model.Q.parameters(), 1e-2);
        using var batch = SamplingBatch.Use(128);
        var files = new ExampleFiles(options.Output);
        DensityMap.Save(files.Picture("target.png"), z => model.P.LogProb(z).exp(), title: "p(z), the banana (unnormalized)");
        var losses = TrainingProgress.Run(options.Steps, progress =>
        {
            for (var step = 0; step < options.Steps; step++)
            {
                using var scope = NewDisposeScope();
                Minibatches.Step(optimizer, progress, () => model.NegativeElbo());
            }
        });
        using (no_grad())
        {
            var draws = model.Q.Sample(1000);
            DensityMap.Save(files.Picture("flow_samples.png"), z => model.P.LogProb(z).exp(), title: $"1000 draws of q(z) after {options.Steps} steps", points: new[] { ("q(z)", draws) });
        }
        TrainingCurve.Save(files.Picture("loss.png"), losses, title: "VI with a planar flow", yLabel: "negative ELBO");
        files.Save(model, "normalizing_flow_toy.pt");
        var tail = losses.Skip(System.Math.Max(0, losses.Count - 50)).Average();
        return new ExampleResult("negative ELBO (mean of the last 50 steps)", tail, losses, files.Pictures, files.Checkpoint);
    }
}
