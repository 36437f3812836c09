using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>
/// z ~ N(0, 1), x | z ~ N(z, 1): the evidence is x ~ N(0, 2) and the posterior z | x ~ N(x/2, 1/sqrt 2), so bounds
/// and divergences have closed forms to check against.
/// </summary>
internal sealed class LinearGaussian
{
    public Normal Prior { get; } = new(0.0, 1.0, var: new[] { "z" }, features: new long[] { 1 });

    public Normal Likelihood { get; } = new("z", 1.0, var: new[] { "x" }, condVar: new[] { "z" });

    /// <summary>q(z|x) = N(x * slope, scale): the exact posterior for slope 1/2 and scale 1/sqrt 2.</summary>
    public static Normal Posterior(double slope, double scale) =>
        new PosteriorNormal(slope, scale);

    public MultiplyDistribution Joint => Likelihood * Prior;

    public static double LogEvidence(double x) => -x * x / 4 - 0.5 * Math.Log(2 * Math.PI * 2);

    private sealed class PosteriorNormal(double slope, double scale) : Normal(var: new[] { "z" }, condVar: new[] { "x" }, name: "q")
    {
        protected override NormalParams ParamsFor(Variables inputs)
        {
            var x = Require(inputs, "x");
            return new NormalParams(x * slope, full_like(x, scale));
        }
    }
}
