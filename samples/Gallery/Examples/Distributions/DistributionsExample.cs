using System.IO;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Distributions;

/// <summary>
/// Pixyz's distributions notebook, the API tour: conditional Normals with networks, their products (p3 = p2 p1, p5 =
/// p3 p4, p_all), printing and LaTeX, sampling with and without a sample shape, log-likelihoods of the draws, the
/// graph. Torch's draws follow the notebook's from its seed, so p3's and p_all's draws and log-likelihoods come out the
/// same from the generated members, the dynamic products and Pixyz itself; the graph is written as Graphviz DOT (the
/// notebook renders it with networkx and pdflatex).
/// </summary>
public sealed class DistributionsExample : IExample
{
    public string Name => "distributions";

    public string Notebook => "examples/distributions.ipynb";

    public string Description => "the distribution API tour: products, sampling, log-likelihoods, graphs";

    public string Api => "generated ([Distribution]s, [Model] joint) + dynamic (products, LogProb, sample)";

    public string PixyzFigure => "the graph of p_all (networkx, dot2tex)";

    public string PixyzPrints => "log p_all of two draws -155.2850, -152.5049 (Pixyz 0.3.3 on PyTorch 1.13 here: -152.3634, -153.8051); the rest depends on unseeded numpy inputs";

    public string StepUnit => "draws";

    public int DefaultSteps => 2;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        var batch = options.Steps;
        manual_seed(options.Seed);
        // The notebook's x, y and a come from numpy's unseeded np.random.random: here from a generator of their own, so
        // that torch's draws (the networks' weights, every sample) follow the notebook's from the same seed.
        using var inputs = new Generator((ulong)options.Seed);
        var x = rand(batch, 20, generator: inputs);
        var y = rand(batch, 30, generator: inputs);
        var a = rand(batch, 50, generator: inputs);
        using var model = new TourModel();
        var p3 = model.Second * model.First;
        var p5 = p3 * model.PriorA;
        var pAll = model.First * model.Second * model.PriorA * model.PriorY;
        foreach (var d in new Distribution[] { model.First, model.Second, p3, model.PriorA, p5, pAll })
            ModelReport.Print(d.ToString(), d.ToLatex());
        foreach (var parameter in p3.parameters()) AnsiConsole.WriteLine($"parameter {string.Join("x", parameter.shape)}");

        var printed = new PrintedNumbers();
        using (no_grad())
        {
            // p1.sample({"a": a, "y": y}, return_all=False), then with sample_shape=[5], then with return_all=True.
            AnsiConsole.WriteLine($"p1.sample: x of [{string.Join(", ", model.First.Sample(y, a).shape)}]");
            AnsiConsole.WriteLine($"p1.sample with sample_shape [5]: x of [{string.Join(", ", model.First.Sample(new Variables { ["y"] = y, ["a"] = a }, sampleShape: new long[] { 5 }, returnAll: false)["x"].shape)}]");
            AnsiConsole.WriteLine($"p1.sample with return_all: {string.Join(", ", model.First.Sample(new Variables { ["y"] = y, ["a"] = a }).Keys)}");
            // log p1(x|y,a) and log p2(z|x,y) of fresh draws.
            var drawnX = model.First.Sample(y, a);
            AnsiConsole.WriteLine($"log p1(x|y,a) of a draw: {model.First.LogProb(drawnX, y, a).ToString(TorchSharp.TensorStringStyle.Numpy)}");
            var drawnZ = model.Second.Sample(new Variables { ["x"] = x, ["y"] = y });
            AnsiConsole.WriteLine($"log p2(z|x,y) of a draw: {model.Second.LogProbLoss().Eval(drawnZ).ToString(TorchSharp.TensorStringStyle.Numpy)}");
            // outputs = p1.sample(...), then p2.sample(outputs): z drawn at the drawn x.
            var outputs = model.First.Sample(new Variables { ["y"] = y, ["a"] = a });
            AnsiConsole.WriteLine($"p2.sample(p1.sample(...)): {string.Join(", ", model.Second.Sample(outputs).Keys)}");
            // p3 = p2 p1 from (y, a): x, then z; its log-likelihood.
            var (generated, dynamic) = SameDraws.Evaluate(
                () =>
                {
                    var drawnX3 = model.First.Sample(y, a);
                    var drawnZ3 = model.Second.Sample(drawnX3, y);
                    return model.First.LogProb(drawnX3, y, a) + model.Second.LogProb(drawnZ3, drawnX3, y);
                },
                () => p3.LogProbLoss().Eval(p3.Sample(new Variables { ["y"] = y, ["a"] = a }, batchN: batch)));
            printed.Add("log p3(x,z|y,a)", generated, dynamic);
            // p_all.sample(batch_n) and its log-likelihood, generated and dynamic.
            (generated, dynamic) = SameDraws.Evaluate(
                () => { var drawn = model.Sample(batch); return model.LogProb(drawn.X, drawn.Y, drawn.Z, drawn.A); },
                () => pAll.LogProbLoss().Eval(pAll.Sample(batchN: batch)));
            printed.Add("log p_all(x,y,z,a)", generated, dynamic);
        }

        AnsiConsole.WriteLine(TourModel.Dot);
        var files = new ExampleFiles(options.Output);
        var graph = files.Picture("p_all.dot");
        File.WriteAllText(graph, TourModel.Dot + "\n");
        files.Save(model, "distributions.pt");
        AnsiConsole.MarkupLine($"[grey]render the graph with: dot -Tpng {Markup.Escape(graph)} -o p_all.png[/]");
        var first = printed.Values["log p_all(x,y,z,a)[0]"];
        return new ExampleResult("log p_all of the first draw", first, new[] { first }, files.Pictures, files.Checkpoint, DynamicGap: printed.LargestGap, Printed: printed.Values);
    }
}
