using System;
using System.Linq;
using PixyzGen.Datasets;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Toolkit;

[Distribution("p(z)")]
public sealed partial class UnitPrior() : Normal(loc: 0, scale: 1, features: [1]);

[Distribution("p(x|z)")]
public sealed partial class NoisyCopy() : Normal(features: [1])
{
    private NormalParams Forward(Tensor z) => new(z, full_like(z, 0.5));
}

[Distribution("q(z|x)")]
public sealed partial class WideGuess() : Normal(features: [1])
{
    private NormalParams Forward(Tensor x) => new(x * 0.5, full_like(x, 1.2));
}

[Distribution("q(z|x)")]
public sealed partial class CloseGuess() : Normal(features: [1])
{
    private NormalParams Forward(Tensor x) => new(x * 0.75, full_like(x, 0.6));
}

/// <summary>The importance-sampled log-likelihood against a model whose marginal is known: z ~ N(0, 1), x|z ~ N(z, 0.5^2), so x ~ N(0, 1.25).</summary>
public class MarginalLikelihoodTests
{
    private static Tensor Exact(Tensor x) => x.pow(2).div(-2 * 1.25).sub(0.5 * Math.Log(2 * Math.PI * 1.25)).squeeze(1).to(ScalarType.Float64);

    [Test]
    public void Five_thousand_draws_in_chunks_find_the_closed_form_marginal()
    {
        manual_seed(2);
        var x = tensor(new float[] { -1.5f, 0f, 0.7f, 2f }).unsqueeze(1);
        var p = new NoisyCopy() * new UnitPrior();
        var estimate = MarginalLikelihood.Estimate(p, new CloseGuess(), new Variables { ["x"] = x }, samples: 5000, chunk: 128);
        Assert.That(estimate.shape, Is.EqualTo(new long[] { 4 }));
        var error = (estimate - Exact(x)).abs().max().item<double>();
        Assert.That(error, Is.LessThan(0.02), $"estimate [{string.Join(", ", estimate.data<double>().ToArray())}]");
    }

    [Test]
    public void More_draws_tighten_the_bound_towards_the_marginal_from_below()
    {
        var x = tensor(new float[] { 2.5f, -2.5f }).unsqueeze(1);
        var p = new NoisyCopy() * new UnitPrior();
        var q = new WideGuess();
        manual_seed(5);
        var one = MarginalLikelihood.Estimate(p, q, new Variables { ["x"] = x.repeat(2000, 1) }, samples: 1).mean().item<double>();
        manual_seed(5);
        var many = MarginalLikelihood.Estimate(p, q, new Variables { ["x"] = x.repeat(200, 1) }, samples: 50, chunk: 7).mean().item<double>();
        var exact = Exact(x).mean().item<double>();
        Assert.That(many, Is.GreaterThan(one + 0.1), "the IWAE bound rises with k");
        Assert.That(many, Is.LessThan(exact + 0.02), "and stays below log p(x)");
        Assert.That(one, Is.LessThan(exact - 0.1), "one draw is the ELBO, well below log p(x) for this q");
    }

    [Test]
    public void The_mean_over_a_dataset_weights_every_row_once()
    {
        manual_seed(6);
        // A label beside x, as MNIST's datasets have: variables q and p do not use are passed over.
        using var data = new InMemoryDataset(("x", tensor(new float[] { -1f, 0f, 1f, 2f, 3f }).unsqueeze(1)), ("y", eye(5)));
        using var batches = new Batches(data, 2);
        var mean = MarginalLikelihood.Mean(new NoisyCopy() * new UnitPrior(), new CloseGuess(), batches, samples: 4000, chunk: 500);
        Assert.That(mean, Is.EqualTo(Exact(data["x"]).mean().item<double>()).Within(0.03));
    }
}
