using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Families;

public class KlTests
{
    [Test]
    public void Normal_Normal_KL_is_the_closed_form()
    {
        double[] mp = { 0.0, 1.0, -2.0 }, sp = { 1.0, 0.5, 2.0 }, mq = { 1.0, 1.0, 0.0 }, sq = { 2.0, 1.0, 0.5 };
        var expected = Enumerable.Range(0, 3).Sum(i => Math.Log(sq[i] / sp[i]) + (sp[i] * sp[i] + Math.Pow(mp[i] - mq[i], 2)) / (2 * sq[i] * sq[i]) - 0.5);
        var kl = KL.NormalNormal(new NormalParams(tensor(mp), tensor(sp)), new NormalParams(tensor(mq), tensor(sq)), featureRank: 1);
        Assert.That(kl.item<double>(), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void KL_to_a_broadcast_standard_normal_prior_is_the_closed_form_per_batch_element()
    {
        double[,] mu = { { 0.5, -1.0 }, { 2.0, 0.0 } }, sigma = { { 0.3, 1.0 }, { 2.5, 0.7 } };
        var kl = KL.NormalNormal(new NormalParams(tensor(mu), tensor(sigma)), new NormalParams(zeros(2, dtype: ScalarType.Float64), ones(2, dtype: ScalarType.Float64)), featureRank: 1);
        var values = kl.data<double>().ToArray();
        for (var b = 0; b < 2; b++)
        {
            var expected = Enumerable.Range(0, 2).Sum(d => 0.5 * (sigma[b, d] * sigma[b, d] + mu[b, d] * mu[b, d] - 1) - Math.Log(sigma[b, d]));
            Assert.That(values[b], Is.EqualTo(expected).Within(1e-12));
        }
    }

    [Test]
    public void Monte_Carlo_KL_agrees_with_the_closed_form_within_three_standard_errors()
    {
        manual_seed(11);
        using var p = new ConstantNormal(tensor(new[] { 0.3, -0.7 }), tensor(new[] { 0.8, 1.3 }));
        using var q = new ConstantNormal(tensor(new[] { -0.2, 0.4 }), tensor(new[] { 1.1, 0.6 }));
        const int n = 200_000;
        using var z = p.Sample(n);
        using var terms = p.LogProb(z) - q.LogProb(z);
        var estimate = terms.mean().item<double>();
        var standardError = terms.std().item<double>() / Math.Sqrt(n);
        var exact = KL.NormalNormal(p.Params(), q.Params(), 1).item<double>();
        Assert.That(Math.Abs(estimate - exact), Is.LessThan(3 * standardError));
    }

    [Test]
    public void KL_of_a_distribution_with_itself_is_zero_and_broadcasts_over_the_batch()
    {
        var p = new NormalParams(randn(8, 5), rand(8, 5) + 0.1);
        var prior = new NormalParams(zeros(5), ones(5));
        Assert.That(KL.NormalNormal(p, p, 1).abs().max().item<float>(), Is.LessThan(1e-6));
        Assert.That(KL.NormalNormal(p, prior, 1).shape, Is.EqualTo(new long[] { 8 }));
    }
}
