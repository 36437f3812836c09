using System;
using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

/// <summary>
/// Pixyz's Loss API tutorial (tutorial/English/02): log-likelihoods of observations, KL(q || p), an expectation
/// E_q(z|x)[log p(x|z)], a mean, and an evidence lower bound, each on the tutorial's seeded draws. Each number comes
/// from a generated [Loss] and from the tutorial's own dynamic losses (LogProb, KullbackLeibler, Expectation,
/// arithmetic, Mean); both draw the same random numbers in the tutorial's order, so both print its saved output's
/// numbers.
/// </summary>
public sealed class LossApiExample : IExample
{
    public string Name => "loss-api";

    public string Notebook => "tutorial/English/02-LossAPITutorial.ipynb";

    public string Description => "the Loss API tutorial: log-likelihood, KL, expectation, mean, a lower bound";

    public string Api => "generated ([Loss] per section) + dynamic (LogProb, KullbackLeibler, Expectation, Mean)";

    public string PixyzFigure => "no figures (each loss's LaTeX)";

    public string PixyzPrints => "sum of log p(x) -715.5875; KL 143.0759; E_q[log p(x|z)] -10.7006, -11.9861; mean log p(x) -7.1973; the bound -18.9965";

    public string StepUnit => "observations";

    // The tutorial's observed_x_num.
    public int DefaultSteps => 100;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        var n = options.Steps;
        var printed = new PrintedNumbers();
        manual_seed(options.Seed);
        using var logLikelihood = new LogLikelihoodModel();
        using var divergence = new DivergenceModel();
        using var bound = new BoundModel();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        // Log-likelihood: LogProb(p) per observation, summed.
        var observed = randn(n, 5);
        var logProb = new LogProb(logLikelihood.P);
        ModelReport.Print(logLikelihood.P.ToString(), logProb.ToLatex());
        printed.Add("sum of log p(x)", logLikelihood.LogLikelihood(observed).sum(), logProb.Eval(new Variables { ["x"] = observed }).sum());

        // KL(q || p) in closed form: a loss with no inputs.
        var kl = new KullbackLeibler(divergence.Q, divergence.P);
        ModelReport.Print(divergence.Q.ToString(), kl.ToLatex());
        printed.Add("KL(q(x) || p(x))", divergence.Divergence(), kl.Eval(new Variables()));

        // E_q(z|x)[log p(x|z)] for two draws of x: one z drawn for each.
        var twoX = randn(2, 10);
        var expectation = new Expectation(bound.Q, new LogProb(bound.P));
        ModelReport.Print(bound.Q.ToString(), expectation.ToLatex());
        var (generated, dynamic) = SameDraws.Evaluate(() => bound.ExpectedLogLikelihood(twoX), () => expectation.Eval(new Variables { ["x"] = twoX }));
        printed.Add("E_q(z|x)[log p(x|z)]", generated, dynamic);

        // mean(log p(x)) over fresh observations.
        observed = randn(n, 5);
        var meanLogProb = new LogProb(logLikelihood.P).Mean();
        ModelReport.Print(logLikelihood.P.ToString(), meanLogProb.ToLatex());
        printed.Add("mean log p(x)", logLikelihood.MeanLogLikelihood(observed), meanLogProb.Eval(new Variables { ["x"] = observed }));

        // The bound, as the tutorial subtracts loss objects and takes their mean.
        observed = randn(n, 10);
        var lowerBound = (new Expectation(bound.Q, new LogProb(bound.P)) - new KullbackLeibler(bound.Q, bound.Prior)).Mean();
        ModelReport.Print(bound.ToString(), lowerBound.ToLatex());
        (generated, dynamic) = SameDraws.Evaluate(() => bound.Bound(observed), () => lowerBound.Eval(new Variables { ["x"] = observed }));
        printed.Add("the bound", generated, dynamic);

        var value = printed.Values["the bound"];
        return new ExampleResult("the bound on the seeded observations", value, new[] { value }, Array.Empty<string>(),
            DynamicGap: printed.LargestGap, Printed: printed.Values);
    }
}
