using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>MMD, Wasserstein and the representation losses on fixed draws (deterministic distributions), against loops written here.</summary>
public class SampleDistanceTests
{
    private static readonly double[][] A = { new[] { 0.0, 1.0 }, new[] { 2.0, -1.0 }, new[] { 0.5, 0.5 } };
    private static readonly double[][] B = { new[] { 1.0, 1.0 }, new[] { -1.0, 0.0 }, new[] { 0.0, 2.0 } };

    private static Deterministic Fixed(string input) => new(v => v[input], var: new[] { "x" }, condVar: new[] { input });

    private static Variables Inputs => new() { ["a"] = tensor(A.SelectMany(r => r).ToArray()).reshape(3, 2), ["b"] = tensor(B.SelectMany(r => r).ToArray()).reshape(3, 2) };

    private static double SquaredDistance(double[] u, double[] v) => u.Zip(v, (s, t) => (s - t) * (s - t)).Sum();

    [TestCase(MmdKernel.Gaussian)]
    [TestCase(MmdKernel.InverseMultiquadratic)]
    public void MMD_is_the_mean_kernel_difference(MmdKernel kernel)
    {
        const double sigma2 = 1.5;
        double K(double[] u, double[] v) => kernel == MmdKernel.Gaussian ? Math.Exp(-SquaredDistance(u, v) / sigma2) : sigma2 / (SquaredDistance(u, v) + sigma2);
        double MeanK(double[][] s, double[][] t) => s.SelectMany(u => t.Select(v => K(u, v))).Average();
        var expected = MeanK(A, A) + MeanK(B, B) - 2 * MeanK(A, B);
        var mmd = new MMD(Fixed("a"), Fixed("b"), kernel, sigma2);
        Assert.That(mmd.Eval(Inputs).item<double>(), Is.EqualTo(expected).Within(1e-12));
        Assert.That(new MMD(Fixed("a"), Fixed("a"), kernel, sigma2).Eval(Inputs).item<double>(), Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void Wasserstein_is_the_distance_between_paired_draws()
    {
        var distance = new WassersteinDistance(Fixed("a"), Fixed("b")).Eval(Inputs).data<double>().ToArray();
        Assert.That(distance, Is.EqualTo(A.Zip(B, (u, v) => Math.Sqrt(SquaredDistance(u, v)))).Within(1e-12));
    }

    [Test]
    public void Similarity_is_a_cosine_margin_against_shuffled_codes()
    {
        var p1 = new Deterministic(v => v["a"], var: new[] { "z" }, condVar: new[] { "a" });
        var p2 = new Deterministic(v => v["b"], var: new[] { "z" }, condVar: new[] { "b" });
        manual_seed(3);
        var permutation = randperm(3).data<long>().ToArray();
        static double Cos(double[] u, double[] v) => u.Zip(v, (s, t) => s * t).Sum() / Math.Sqrt(u.Sum(s => s * s) * v.Sum(t => t * t));
        var expected = Enumerable.Range(0, 3).Select(i => Math.Max(0, 0.2 - Cos(A[i], B[i]) + Cos(A[i], B[permutation[i]]))).ToArray();
        manual_seed(3);
        Assert.That(new SimilarityLoss(p1, p2, "z", margin: 0.2).Eval(Inputs).data<double>().ToArray(), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Contrastiveness_compares_matched_and_shuffled_means()
    {
        var p1 = new Deterministic(v => v["a"], var: new[] { "z" }, condVar: new[] { "a" });
        var p2 = new Deterministic(v => v["b"], var: new[] { "z" }, condVar: new[] { "b" });
        manual_seed(4);
        var perm = randperm(3).data<long>().ToArray();
        double Sim(double[] u, double[] v) => Math.Exp(-Math.Sqrt(SquaredDistance(u, v)));
        var expected = Enumerable.Range(0, 3).Select(i =>
            Math.Max(0, 0.5 - Sim(A[i], B[i]) + Sim(A[i], B[perm[i]])) + Math.Max(0, 0.5 - Sim(A[i], B[i]) + Sim(A[perm[i]], B[i]))).ToArray();
        manual_seed(4);
        Assert.That(new MultiModalContrastivenessLoss(p1, p2).Eval(Inputs).data<double>().ToArray(), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Draws_with_different_feature_counts_are_named_by_MMD_and_by_W()
    {
        var inputs = new Variables { ["a"] = zeros(3, 2, dtype: float64), ["b"] = zeros(3, 5, dtype: float64) };
        foreach (var loss in new Loss[] { new MMD(Fixed("a"), Fixed("b")), new WassersteinDistance(Fixed("a"), Fixed("b")) })
        {
            var error = Assert.Throws<ArgumentException>(() => loss.Eval(inputs))!;
            Assert.That(error.Message, Does.Contain(loss.ToString()).And.Contain("2 features").And.Contain("have 5"), loss.ToString());
        }
    }
}
