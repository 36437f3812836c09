using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Gmm;

/// <summary>
/// Pixyz's gmm notebook: three clusters of 150, 50 and 100 points (standardized), a mixture of three Normals with
/// random means and scale 0.6 under a uniform prior, fitted by EM: the E-step is the generated
/// <c>Responsibilities</c>, the M-step writes the constants in place. Writes the density with the data and the means
/// before and after, and the log-likelihood per step.
/// </summary>
public sealed class GmmExample : IExample
{
    public string Name => "gmm";

    public string Notebook => "examples/gmm.ipynb";

    public string Description => "Gaussian mixture fitted by EM";

    public string Api => "generated ([Distribution] mixture and posterior, [Loss]); EM on the constants";

    public string PixyzFigure => "data with the mixture's density contours and means, per EM step";

    public string PixyzPrints => "log-likelihood -3.8615 before EM, -2.5238 after the first step, -1.6591 after 20";

    public string StepUnit => "iterations";

    public int DefaultSteps => 20;

    public long DefaultSeed => 0;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var samples = Clusters();
        var components = Enumerable.Range(0, 3).Select(i => new Normal(randn(2), full(2, 0.6), var: new[] { "x" }, name: $"p_{i}")).ToArray();
        var prior = new Categorical(full(3, 1.0 / 3), var: new[] { "z" }, name: "p_prior");
        using var model = new GmmModel(new Mixture(components, prior));
        AnsiConsole.WriteLine(model.P.ToString());
        AnsiConsole.WriteLine(model.P.ToLatex());

        var files = new ExampleFiles(options.Output);
        Picture(model, components, samples, files.Picture("density_before.png"), "before EM");
        var logLikelihoods = new List<double>();
        using (no_grad()) AnsiConsole.MarkupLine($"Epoch: 0, log-likelihood: {model.LogLikelihood(samples).item<float>():F4}");
        const double eps = 1e-6;
        for (var step = 0; step < options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var posterior = model.P.Responsibilities(samples).T;            // [K, N], the E-step
            var nk = posterior.sum(1);
            prior.get_buffer("probs")!.copy_(nk / nk.sum());
            var loc = posterior.matmul(samples) / (nk.unsqueeze(1) + eps);
            var variance = posterior.unsqueeze(1).matmul((samples.unsqueeze(0) - loc.unsqueeze(1)).square()).squeeze(1) / (nk.unsqueeze(1) + eps);
            for (var k = 0; k < 3; k++)
            {
                components[k].get_buffer("loc")!.copy_(loc[k]);
                components[k].get_buffer("scale")!.copy_(variance[k].sqrt());
            }
            var logLikelihood = model.LogLikelihood(samples).item<float>();
            logLikelihoods.Add(logLikelihood);
            AnsiConsole.MarkupLine($"Epoch: {step + 1}, log-likelihood: {logLikelihood:F4}");
        }
        using (no_grad()) AnsiConsole.MarkupLine($"posterior {Markup.Escape(model.Post.ProbText)}: mean entropy of the assignments {model.AssignmentEntropy(samples).item<float>():F3} nats");
        Picture(model, components, samples, files.Picture("density_after.png"), $"after {options.Steps} EM steps");
        TrainingCurve.Save(files.Picture("log_likelihood.png"), logLikelihoods, title: "GMM by EM", yLabel: "log-likelihood per point", lossLabel: "log-likelihood (per EM step)");
        using (no_grad())
        {
            var drawn = model.P.Sample(200);   // the notebook's p.sample(batch_n=200)
            DensityMap.Save(files.Picture("samples.png"), x => model.P.LogProb(x).exp(), extent: 3, title: "200 draws of p(x)", points: new[] { ("draws", drawn) });
        }
        files.Save(model, "gmm.pt");   // the fitted means, scales and weights
        return new ExampleResult("final log-likelihood per point", logLikelihoods[^1], logLikelihoods, files.Pictures, files.Checkpoint);
    }

    private static void Picture(GmmModel model, Normal[] components, Tensor samples, string path, string title)
    {
        using var noGrad = no_grad();
        var means = stack(components.Select(c => c.get_buffer("loc")!).ToArray());
        DensityMap.Save(path, x => model.P.LogProb(x).exp(), extent: 3, title: title, points: new[] { ("data", samples), ("means", means) });
    }

    /// <summary>The notebook's data: N((1.5, 2.5), diag(1.2, 0.8)) x 150, N((7.5, 7.5), diag(0.75, 0.5)) x 50, N((8, 1.5), diag(0.6, 0.8)) x 100, standardized.</summary>
    private static Tensor Clusters()
    {
        // One point per call, as the notebook's torch.normal(mu, var.sqrt()) loop draws them: libtorch fills 16 or more
        // normals at once in another order, so one call for a whole cluster would give other points from the same seed.
        Tensor Cluster(float[] mean, float[] variance, int count)
        {
            using var mu = tensor(mean);
            using var variances = tensor(variance);
            using var std = variances.sqrt();
            return stack(Enumerable.Range(0, count).Select(_ => normal(mu, std)).ToArray());
        }
        var samples = cat(new[] { Cluster(new[] { 1.5f, 2.5f }, new[] { 1.2f, 0.8f }, 150), Cluster(new[] { 7.5f, 7.5f }, new[] { 0.75f, 0.5f }, 50), Cluster(new[] { 8f, 1.5f }, new[] { 0.6f, 0.8f }, 100) });
        return (samples - samples.mean(new long[] { 0 })) / samples.std(0);
    }
}
