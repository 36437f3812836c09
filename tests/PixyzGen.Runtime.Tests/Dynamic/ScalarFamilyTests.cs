using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Runtime.Tests.Reference;
using static PixyzGen.Runtime.Tests.Reference.SpecialFunctions;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>
/// Element-wise families through the dynamic API, against densities, moments, entropies and KLs written here in
/// double precision (entropy and KL by numerical integration of the reference densities, not the Runtime's).
/// </summary>
public class ScalarFamilyTests
{
    public sealed record Case(
        string Name, Func<Distribution> P, Func<Distribution> Q, Func<double, double> LogPdfP, Func<double, double> LogPdfQ,
        double Lower, double Upper, double Mean, double Variance, bool ClosedFormKl = true)
    {
        public override string ToString() => Name;
    }

    private static double NormalLogPdf(double x, double m, double s) => -0.5 * Math.Pow((x - m) / s, 2) - Math.Log(s) - 0.5 * Math.Log(2 * Math.PI);
    private static double LaplaceLogPdf(double x, double m, double b) => -Math.Abs(x - m) / b - Math.Log(2 * b);
    private static double GammaLogPdf(double x, double a, double r) => a * Math.Log(r) + (a - 1) * Math.Log(x) - r * x - LogGamma(a);
    private static double BetaLogPdf(double x, double a, double b) => (a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - LogBeta(a, b);

    private static Tensor T(double v) => tensor(new[] { v });

    public static IEnumerable<Case> Cases()
    {
        yield return new("Normal", () => new Normal(T(0.3), T(1.4), var: new[] { "x" }), () => new Normal(T(-0.6), T(0.8), var: new[] { "x" }),
            x => NormalLogPdf(x, 0.3, 1.4), x => NormalLogPdf(x, -0.6, 0.8), -30, 30, 0.3, 1.96);
        yield return new("Laplace", () => new Laplace(T(0.3), T(1.2), var: new[] { "x" }), () => new Laplace(T(-0.5), T(0.7), var: new[] { "x" }),
            x => LaplaceLogPdf(x, 0.3, 1.2), x => LaplaceLogPdf(x, -0.5, 0.7), -60, 60, 0.3, 2 * 1.44);
        yield return new("Gamma", () => new Gamma(T(2.5), T(1.5), var: new[] { "x" }), () => new Gamma(T(3.0), T(0.8), var: new[] { "x" }),
            x => GammaLogPdf(x, 2.5, 1.5), x => GammaLogPdf(x, 3.0, 0.8), 1e-12, 80, 2.5 / 1.5, 2.5 / 2.25);
        yield return new("Beta", () => new Beta(T(2.5), T(3.5), var: new[] { "x" }), () => new Beta(T(1.5), T(2.0), var: new[] { "x" }),
            x => BetaLogPdf(x, 2.5, 3.5), x => BetaLogPdf(x, 1.5, 2.0), 1e-12, 1 - 1e-12, 2.5 / 6, 2.5 * 3.5 / (36 * 7));
    }

    private static readonly double[] Points = { 0.05, 0.4, 0.77, 1.6, 2.2 };

    [TestCaseSource(nameof(Cases))]
    public void Log_density_is_the_closed_form(Case c)
    {
        using var p = c.P();
        var points = Points.Where(x => x > c.Lower && x < c.Upper).ToArray();
        using var x = tensor(points).reshape(-1, 1);
        var logProb = p.LogProb(new Variables { ["x"] = x }).data<double>().ToArray();
        for (var i = 0; i < points.Length; i++) Assert.That(logProb[i], Is.EqualTo(c.LogPdfP(points[i])).Within(1e-9), $"x = {points[i]}");
    }

    [TestCaseSource(nameof(Cases))]
    public void Mean_and_variance_are_the_closed_forms(Case c)
    {
        using var p = c.P();
        Assert.That(p.SampleMean(Variables.Empty).item<double>(), Is.EqualTo(c.Mean).Within(1e-12));
        Assert.That(p.SampleVariance(Variables.Empty).item<double>(), Is.EqualTo(c.Variance).Within(1e-12));
    }

    [TestCaseSource(nameof(Cases))]
    public void Entropy_equals_the_integral_of_minus_p_log_p(Case c)
    {
        using var p = c.P();
        var expected = Integrate(x => { var l = c.LogPdfP(x); return -Math.Exp(l) * l; }, c.Lower, c.Upper, 400_000);
        Assert.That(p.Entropy(Variables.Empty).item<double>(), Is.EqualTo(expected).Within(1e-6));
    }

    [TestCaseSource(nameof(Cases))]
    public void Closed_form_KL_equals_the_integral_of_p_log_p_over_q(Case c)
    {
        using var p = c.P();
        using var q = c.Q();
        Assert.That(KL.HasClosedForm(p, q), Is.EqualTo(c.ClosedFormKl));
        var expected = Integrate(x => { var l = c.LogPdfP(x); return Math.Exp(l) * (l - c.LogPdfQ(x)); }, c.Lower, c.Upper, 400_000);
        Assert.That(KL.Divergence(p, q).item<double>(), Is.EqualTo(expected).Within(1e-6));
    }

    [TestCaseSource(nameof(Cases))]
    public void Monte_Carlo_KL_agrees_with_the_closed_form_within_three_standard_errors(Case c)
    {
        manual_seed(11);
        using var p = c.P();
        using var q = c.Q();
        const int n = 40_000;
        var draws = p.Sample(sampleShape: new long[] { n });
        var ratio = (p.LogProb(draws) - q.LogProb(draws)).flatten();
        var standardError = ratio.std().item<double>() / Math.Sqrt(n);
        var estimate = KL.MonteCarlo(p, q, samples: n).item<double>();
        Assert.That(Math.Abs(estimate - KL.Divergence(p, q).item<double>()), Is.LessThan(3 * standardError + 1e-9));
    }

    [TestCaseSource(nameof(Cases))]
    public void Samples_match_the_mean_and_variance(Case c)
    {
        manual_seed(5);
        using var p = c.P();
        const int n = 200_000;
        var x = p.Sample(batchN: n)["x"];
        Assert.That(x.shape, Is.EqualTo(new long[] { n, 1 }));
        Assert.That(x.mean().item<double>(), Is.EqualTo(c.Mean).Within(4 * Math.Sqrt(c.Variance / n)));
        Assert.That(x.var().item<double>(), Is.EqualTo(c.Variance).Within(0.03 * c.Variance));
    }

    [TestCaseSource(nameof(Cases))]
    public void Reparameterized_draws_carry_gradients_to_constant_free_parameters(Case c)
    {
        using var p = c.P();
        if (!p.HasReparam) Assert.Ignore($"{c.Name} has no reparameterization.");
        var parameters = p.GetParams(Variables.Empty).Values.Select(t => t.detach().clone().requires_grad_(true)).ToArray();
        var names = p.GetParams(Variables.Empty).Keys.ToArray();
        var fromVariables = Rebuild(c.Name, names, parameters);
        var inputs = new Variables(names.Zip(parameters, (n, t) => new KeyValuePair<string, Tensor>("v_" + n, t.unsqueeze(0))));
        var draw = fromVariables.Sample(inputs, reparam: true, returnAll: false)["x"];
        draw.sum().backward();
        foreach (var (name, parameter) in names.Zip(parameters))
            Assert.That(parameter.grad is { } g && g.abs().sum().item<double>() > 0, Is.True, $"no gradient reached {name}");
    }

    // The same family with every parameter read from a conditioning variable v_<name>.
    private static Distribution Rebuild(string family, string[] names, Tensor[] parameters)
    {
        var condVar = names.Select(n => "v_" + n).ToArray();
        ParamSource Source(int i) => condVar[i];
        return family switch
        {
            "Normal" => new Normal(Source(0), Source(1), var: new[] { "x" }, condVar: condVar),
            "Laplace" => new Laplace(Source(0), Source(1), var: new[] { "x" }, condVar: condVar),
            "Gamma" => new Gamma(Source(0), Source(1), var: new[] { "x" }, condVar: condVar),
            "Beta" => new Beta(Source(0), Source(1), var: new[] { "x" }, condVar: condVar),
            _ => throw new ArgumentException(family),
        };
    }
}
