using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>p(x): a standard Normal over u pushed through two affine couplings and a reversal (exactly invertible).</summary>
[Distribution("p(x)")]
public sealed partial class FlowPrior : TransformedDistribution
{
    public FlowPrior() : base(
        new Normal(0.0, 1.0, var: new[] { "u" }, features: new long[] { 2 }),
        new FlowLayer[]
        {
            AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 8),
            PermutationLayer.Reverse(2),
            AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 8),
        })
    {
    }
}

/// <summary>p(x) written data -> noise: batch normalization then an affine coupling map x to a standard Normal over u.</summary>
[Distribution("p(x)")]
public sealed partial class DataToNoiseFlow : InverseTransformedDistribution
{
    public DataToNoiseFlow() : base(
        new Normal(0.0, 1.0, var: new[] { "u" }, features: new long[] { 2 }),
        new FlowLayer[] { new BatchNormLayer(2), AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 8) })
    {
    }
}

/// <summary>Density estimation with a data -> noise flow.</summary>
[Model("p(x) = p(x)")]
public sealed partial class DataToNoiseModel : GenerativeModel
{
    public DataToNoiseFlow P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor NegativeLogLikelihood(Tensor x);
}

/// <summary>Density estimation with a flow: the loss is its negative log-likelihood.</summary>
[Model("p(x) = p(x)")]
public sealed partial class FlowModel : GenerativeModel
{
    public FlowPrior P { get; } = new();

    [Loss("-mean(log p(x))")]
    public partial Tensor NegativeLogLikelihood(Tensor x);
}

public class GeneratedFlowTests
{
    [Test]
    public void Typed_members_equal_the_dynamic_API()
    {
        manual_seed(21);
        using var flow = new FlowPrior();
        manual_seed(4);
        var typed = flow.Sample(5);
        manual_seed(4);
        var dynamic = flow.Sample(batchN: 5, returnAll: false)["x"];
        Assert.That(typed.shape, Is.EqualTo(new long[] { 5, 2 }));
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True);
        Assert.That(flow.LogProb(typed).equal(flow.LogProb(new Variables { ["x"] = typed })).all().item<bool>(), Is.True);
        Assert.That(FlowPrior.Latex, Is.EqualTo("p(x)"));
    }

    [Test]
    public void A_data_to_noise_flow_under_Distribution_scores_and_draws_as_the_dynamic_API()
    {
        manual_seed(23);
        using var model = new DataToNoiseModel();
        using var x = randn(64, 2) * 3 + 5;
        model.train();
        Assert.That(model.NegativeLogLikelihood(x).item<float>(), Is.EqualTo(new NLL(model.P).Mean().Eval(new Variables { ["x"] = x }).item<float>()).Within(1e-5));
        model.eval();
        manual_seed(5);
        var typed = model.P.Sample(7);
        manual_seed(5);
        var dynamic = model.P.Sample(batchN: 7, returnAll: false)["x"];
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True);
        Assert.That(model.P.LogProb(typed).equal(model.P.LogProb(new Variables { ["x"] = typed })).all().item<bool>(), Is.True);
    }

    [Test]
    public void A_generated_loss_over_a_flow_trains_it_by_maximum_likelihood()
    {
        manual_seed(22);
        using var model = new FlowModel();
        Func<Tensor> data = () => randn(256, 2) * tensor(new[] { 2f, 0.5f }) + tensor(new[] { 1f, -1f });
        var x = data();
        Assert.That(model.NegativeLogLikelihood(x).item<float>(), Is.EqualTo(new NLL(model.P).Mean().Eval(new Variables { ["x"] = x }).item<float>()).Within(1e-5));
        var optimizer = optim.Adam(model.parameters(), 1e-2);
        var before = model.NegativeLogLikelihood(x).item<float>();
        for (var step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.NegativeLogLikelihood(data()).backward();
            optimizer.step();
        }
        Assert.That(model.NegativeLogLikelihood(x).item<float>(), Is.LessThan(before - 0.3));
    }
}
