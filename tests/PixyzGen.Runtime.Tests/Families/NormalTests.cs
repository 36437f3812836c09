using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Families;

/// <summary>Normal log-density, entropy and sampling against closed forms computed here in double precision.</summary>
public class NormalTests
{
    private static readonly double[] Loc = { 0.5, -1.0, 2.0 };
    private static readonly double[] Scale = { 2.0, 0.5, 1.0 };

    private static double ClosedFormLogDensity(double[] x) =>
        x.Select((v, i) => -0.5 * Math.Pow((v - Loc[i]) / Scale[i], 2) - Math.Log(Scale[i]) - 0.5 * Math.Log(2 * Math.PI)).Sum();

    [Test]
    public void Log_density_sums_the_closed_form_over_features()
    {
        using var p = new ConstantNormal(tensor(Loc), tensor(Scale));
        double[][] rows = { new[] { 1.0, 0.0, 2.0 }, new[] { -3.0, 1.5, 0.25 } };
        using var x = tensor(rows.SelectMany(r => r).ToArray(), new long[] { 2, 3 });
        var logProb = p.LogProb(x).data<double>().ToArray();
        Assert.That(logProb, Has.Length.EqualTo(2));
        Assert.That(logProb[0], Is.EqualTo(ClosedFormLogDensity(rows[0])).Within(1e-12));
        Assert.That(logProb[1], Is.EqualTo(ClosedFormLogDensity(rows[1])).Within(1e-12));
    }

    [Test]
    public void Entropy_is_the_closed_form()
    {
        using var p = new ConstantNormal(tensor(Loc), tensor(Scale));
        var expected = Scale.Sum(s => 0.5 + 0.5 * Math.Log(2 * Math.PI) + Math.Log(s));
        Assert.That(p.Entropy().item<double>(), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Samples_have_the_right_shape_mean_and_spread()
    {
        manual_seed(3);
        using var p = new ConstantNormal(tensor(Loc), tensor(Scale));
        using var samples = p.Sample(200_000);
        Assert.That(samples.shape, Is.EqualTo(new long[] { 200_000, 3 }));
        var mean = samples.mean(new long[] { 0 }).data<double>().ToArray();
        var std = samples.std(0).data<double>().ToArray();
        for (var i = 0; i < 3; i++)
        {
            var standardError = Scale[i] / Math.Sqrt(200_000);
            Assert.That(mean[i], Is.EqualTo(Loc[i]).Within(4 * standardError));
            Assert.That(std[i], Is.EqualTo(Scale[i]).Within(0.01 * Scale[i]));
        }
    }

    [Test]
    public void Reparameterized_samples_carry_gradients_and_plain_samples_do_not()
    {
        using var p = new PassThroughNormal();
        using var mu = zeros(4, 2, requires_grad: true);
        using var sigma = ones(4, 2);
        Assert.That(p.RSample(mu, sigma).requires_grad, Is.True);
        Assert.That(p.Sample(mu, sigma).requires_grad, Is.False);
    }

    [Test]
    public void Feature_shape_decides_which_dimensions_are_summed()
    {
        using var p = new ImageNormal();
        using var x = zeros(5, 1, 2, 2);
        using var logProb = p.LogProb(x, x);
        Assert.That(logProb.shape, Is.EqualTo(new long[] { 5 }));
        Assert.That(logProb[0].item<float>(), Is.EqualTo(4 * -0.5 * Math.Log(2 * Math.PI)).Within(1e-5));
    }

    [Test]
    public void A_shape_mismatch_names_the_distribution_the_variable_and_both_shapes()
    {
        using var p = new PassThroughNormal();
        using var mu = zeros(4, 3);
        using var x = zeros(4, 2);
        var error = Assert.Throws<ArgumentException>(() => p.LogProb(x, mu, ones(4, 3)));
        Assert.That(error!.Message, Does.Contain("p(x|mu,sigma) (PassThroughNormal)"));
        Assert.That(error.Message, Does.Contain("variable 'x' has shape [4, 2]"));
        Assert.That(error.Message, Does.Contain("parameters have shape [4, 3]"));
    }

    [Test]
    public void Batch_dimensions_broadcast_but_feature_dimensions_must_match()
    {
        using var p = new ConstantNormal(tensor(Loc), tensor(Scale));
        using var batch = zeros(7, 3);
        Assert.That(p.LogProb(batch).shape, Is.EqualTo(new long[] { 7 }));
        Assert.Throws<ArgumentException>(() => p.LogProb(zeros(7, 4)));
    }

    [Test]
    public void A_non_positive_constant_scale_is_refused_with_the_class_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantNormal(zeros(2), tensor(new[] { 1.0, 0.0 })));
        Assert.That(error!.Message, Does.Contain("ConstantNormal").And.Contain("scale"));
    }

    [Test]
    public void Generated_members_expose_the_signature()
    {
        using var p = new PassThroughNormal();
        Assert.That(PassThroughNormal.Signature, Is.EqualTo("p(x|mu,sigma)"));
        Assert.That((p.ProbText, p.Name, p.DistributionName), Is.EqualTo(("p(x|mu,sigma)", "p", "Normal")));
        Assert.That(p.Var, Is.EqualTo(new[] { "x" }));
        Assert.That(p.CondVar, Is.EqualTo(new[] { "mu", "sigma" }));
    }
}
