using System.IO;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Distributions;

/// <summary>
/// Pixyz's distributions notebook, the API tour: conditional Normals with networks, their products (p3 = p2 p1, p5 =
/// p3 p4, p_all), printing and LaTeX, sampling with and without a sample shape, log-likelihoods of the draws, the
/// graph. The generated joint and the dynamic product give the same log-likelihood of the same draws; the graph is
/// written as Graphviz DOT (the notebook renders it with networkx and pdflatex).
/// </summary>
public sealed class DistributionsExample : IExample
{
    public string Name => "distributions";

    public string Notebook => "examples/distributions.ipynb";

    public string Description => "the distribution API tour: products, sampling, log-likelihoods, graphs";

    public string Api => "generated ([Distribution]s, [Model] joint) + dynamic (products, LogProb, sample)";

    public string PixyzFigure => "the graph of p_all (networkx, dot2tex)";

    public string PixyzPrints => "no numbers (the API tour)";

    public string StepUnit => "draws";

    public int DefaultSteps => 2;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        using var model = new TourModel();
        var batch = options.Steps;
        var x = rand(batch, 20);
        var y = rand(batch, 30);
        var a = rand(batch, 50);
        var p3 = model.Second * model.First;
        var p5 = p3 * model.PriorA;
        var pAll = model.First * model.Second * model.PriorA * model.PriorY;
        foreach (var d in new Distribution[] { model.First, model.Second, p3, model.PriorA, p5, pAll })
            ModelReport.Print(d.ToString(), d.ToLatex());
        foreach (var parameter in p3.parameters()) AnsiConsole.WriteLine($"parameter {string.Join("x", parameter.shape)}");

        using (no_grad())
        {
            // p1.sample({"a": a, "y": y}, return_all=False), then with sample_shape=[5].
            AnsiConsole.WriteLine($"p1.Sample(y, a): [{string.Join(", ", model.First.Sample(y, a).shape)}]");
            AnsiConsole.WriteLine($"p1 with sample shape [5]: [{string.Join(", ", model.First.Sample(new Variables { ["y"] = y, ["a"] = a }, sampleShape: new long[] { 5 }, returnAll: false)["x"].shape)}]");
            var drawnX = model.First.Sample(y, a);
            AnsiConsole.WriteLine($"log p1(x|y,a) of the draws: {model.First.LogProb(drawnX, y, a).ToString(TorchSharp.TensorStringStyle.Numpy)}");
            AnsiConsole.WriteLine($"log p2(z|x,y) of draws: {model.Second.LogProbLoss().Eval(model.Second.Sample(new Variables { ["x"] = x, ["y"] = y })).ToString(TorchSharp.TensorStringStyle.Numpy)}");
        }

        // p_all.sample(batch_n=2) and its log-likelihood, generated and dynamic.
        Variables draws;
        using (no_grad()) draws = pAll.Sample(batchN: batch);
        var gap = DynamicAgreement.Compare("log p_all of the same draws", options.Seed,
            () => model.LogProb(draws["x"], draws["y"], draws["z"], draws["a"]).mean(),
            () =>
            {
                using var noGrad = no_grad();
                return pAll.LogProbLoss().Eval(draws).mean().item<float>();
            });
        double logLikelihood;
        using (no_grad()) logLikelihood = model.LogProb(draws["x"], draws["y"], draws["z"], draws["a"]).mean().item<float>();

        AnsiConsole.WriteLine(TourModel.Dot);
        var files = new ExampleFiles(options.Output);
        var graph = files.Picture("p_all.dot");
        File.WriteAllText(graph, TourModel.Dot + "\n");
        files.Save(model, "distributions.pt");
        AnsiConsole.MarkupLine($"[grey]render the graph with: dot -Tpng {Markup.Escape(graph)} -o p_all.png[/]");
        return new ExampleResult("mean log p_all of the draws", logLikelihood, new[] { logLikelihood }, files.Pictures, files.Checkpoint, DynamicGap: gap);
    }
}
