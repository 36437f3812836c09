using System;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Tutorials;

/// <summary>
/// Pixyz's Distribution API tutorial (tutorial/English/01): a Normal with constant parameters, one whose mean is a
/// conditioning variable, a Bernoulli, their product and its ancestral sampling, and a Normal whose parameters a
/// network computes; printed, in LaTeX and sampled. Each draw comes from the generated members and from the dynamic
/// API (Pixyz's constructors, sample(dict), products) from the same generator state, in the tutorial's order, so both
/// print its saved output's numbers.
/// </summary>
public sealed class DistributionApiExample : IExample
{
    public string Name => "distribution-api";

    public string Notebook => "tutorial/English/01-DistributionAPITutorial.ipynb";

    public string Description => "the Distribution API tutorial: constant, conditional and network parameters, products, sampling";

    public string Api => "generated ([Distribution]s, [Model] joint) + dynamic (constructors, products, sample)";

    public string PixyzFigure => "no figures (each distribution printed and in LaTeX)";

    public string PixyzPrints => "draws beginning x -1.5256, -0.7502; x given mu_var=0 -0.5962, -1.0055; the joint's x 3.6415, -0.9624; a -0.17231, -0.50856";

    public string StepUnit => "draws";

    // The tutorial draws one of each.
    public int DefaultSteps => 1;

    public long DefaultSeed => 1;

    // The tutorial's x_samples, written out in its cell.
    private static readonly float[] TutorialX =
    {
        -0.3030f, -1.7618f, 0.6348f, -0.8044f, -1.0371f, -1.0669f, -0.2085f, -0.2155f, 2.2952f, 0.6749f, 1.7133f, -1.7943f, -1.5208f,
        0.9196f, -0.5484f, -0.3472f, 0.4730f, -0.4286f, 0.5514f, -1.5474f, 0.7575f, -0.4068f, -0.1277f, 0.2804f, 1.7460f, 1.8550f,
        -0.7064f, 2.5571f, 0.7705f, -1.0739f, -0.2015f, -0.5603f, -0.6240f, -0.9773f, -0.1637f, -0.3582f, -0.0594f, -2.4919f, 0.2423f,
        0.2883f, -0.1095f, 0.3126f, -0.3417f, 0.9473f, 0.6223f, -0.4481f, -0.2856f, 0.3880f, -1.1435f, -0.6512f,
    };

    public ExampleResult Run(ExampleOptions options)
    {
        var draws = options.Steps;
        var printed = new PrintedNumbers();
        manual_seed(options.Seed);
        using var p1 = new StandardNormal50();
        using var joint = new MuXJoint();
        using var dynamicP1 = new Normal(0.0, 1.0, var: new[] { "x" }, name: "p1", features: new long[] { 50 });
        using var dynamicMu = new Normal("mu_var", 1.0, var: new[] { "x" }, condVar: new[] { "mu_var" }, features: new long[] { 50 });
        using var dynamicCoins = new Bernoulli(0.3, var: new[] { "mu_var" }, features: new long[] { 50 });
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        // p1(x): its name and signature, then a draw.
        AnsiConsole.WriteLine($"{p1.DistributionName}: {p1.ProbText}");
        ModelReport.Print(p1.ToString(), p1.ToLatex());
        var (generated, dynamic) = SameDraws.Evaluate(() => p1.Sample(draws), () => dynamicP1.Sample(batchN: draws)["x"]);
        printed.Add("x ~ p1(x)", generated, dynamic);

        // p(x|mu_var) with mu_var = 0.
        ModelReport.Print(joint.Conditional.ToString(), joint.Conditional.ToLatex());
        var zero = tensor(0f);
        (generated, dynamic) = SameDraws.Evaluate(() => joint.Conditional.Sample(zero), () => dynamicMu.Sample(new Variables { ["mu_var"] = zero })["x"]);
        printed.Add("x ~ p(x|mu_var=0)", generated, dynamic);

        // p(mu_var): coin flips.
        ModelReport.Print(joint.Prior.ToString(), joint.Prior.ToLatex());
        (generated, dynamic) = SameDraws.Evaluate(() => joint.Prior.Sample(draws), () => dynamicCoins.Sample(batchN: draws)["mu_var"]);
        printed.Add("mu_var ~ p(mu_var)", generated, dynamic);

        // The product p(x|mu_var) p(mu_var): mu_var first, then x given it.
        var product = dynamicMu * dynamicCoins;
        ModelReport.Print(product.ToString(), product.ToLatex());
        Tensor? jointX = null, productX = null;
        (generated, dynamic) = SameDraws.Evaluate(
            () => { var s = joint.Sample(draws); jointX = s.X; return s.Mu_var; },
            () => { var s = product.Sample(batchN: draws); productX = s["x"]; return s["mu_var"]; });
        printed.Add("mu_var of p(x,mu_var)", generated, dynamic);
        printed.Add("x of p(x,mu_var)", jointX!, productX!);

        // p(a|x), a network's Normal, made here as in the tutorial (its weights are drawn now), sampled at the tutorial's x.
        using var aGivenX = new NormalAGivenX();
        ModelReport.Print(aGivenX.ToString(), aGivenX.ToLatex());
        var x = tensor(TutorialX).reshape(1, 50);
        (generated, dynamic) = SameDraws.Evaluate(() => aGivenX.Sample(x), () => aGivenX.Sample(new Variables { ["x"] = x })["a"]);
        printed.Add("a ~ p(a|x)", generated, dynamic);

        var value = printed.Values["a ~ p(a|x)[0]"];
        return new ExampleResult("the first element of a ~ p(a|x)", value, new[] { value }, Array.Empty<string>(),
            DynamicGap: printed.LargestGap, Printed: printed.Values);
    }
}
