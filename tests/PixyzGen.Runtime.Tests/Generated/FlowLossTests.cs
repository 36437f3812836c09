using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>q(z): a standard Normal over z0 through two planar layers (no closed-form inverse), as in Pixyz's normalizing_flow_toy.</summary>
[Distribution("q(z)")]
public sealed partial class PlanarPosterior : TransformedDistribution
{
    public PlanarPosterior() : base(new Normal(0.0, 1.0, var: new[] { "z0" }, features: new long[] { 2 }), new FlowLayer[] { new PlanarLayer(2), new PlanarLayer(2) })
    {
    }
}

[Distribution("p(z)")]
public sealed partial class FlowTarget() : Normal(loc: 1.0, scale: 0.5, features: [2]);

/// <summary>Variational inference with a planar flow against a fixed target.</summary>
[Model("p(z) = p(z)")]
public sealed partial class PlanarVi : GenerativeModel
{
    public PlanarPosterior Q { get; } = new();
    public FlowTarget P { get; } = new();

    [Loss("mean(E_q(z)[log q(z) - log p(z)])")]
    public partial Tensor ReverseKl();

    [Loss("mean(H[q(z)])")]
    public partial Tensor Entropy();
}

/// <summary>A loss over a planar flow keeps the flow's latent with its draw, so the flow scores its own draw (no inverse needed).</summary>
public class FlowLossTests
{
    [Test]
    public void The_reverse_KL_of_a_planar_flow_equals_the_dynamic_expectation()
    {
        manual_seed(21);
        using var model = new PlanarVi();
        using var batch = SamplingBatch.Use(64);
        manual_seed(22);
        var generated = model.ReverseKl();
        manual_seed(22);
        var dynamic = new Expectation(model.Q, model.Q.LogProbLoss() - model.P.LogProbLoss()).Mean().Eval(Variables.Empty);
        Assert.That(generated.allclose(dynamic, rtol: 1e-6, atol: 1e-6), Is.True, $"{generated.item<float>()} vs {dynamic.item<float>()}");
        Assert.That(double.IsFinite(generated.item<float>()), Is.True);
    }

    [Test]
    public void The_entropy_of_a_planar_flow_is_minus_log_q_at_its_own_draw()
    {
        manual_seed(21);
        using var model = new PlanarVi();
        using var batch = SamplingBatch.Use(64);
        manual_seed(23);
        var generated = model.Entropy();
        manual_seed(23);
        var dynamic = new Entropy(model.Q, analytic: false).Mean().Eval(Variables.Empty);
        Assert.That(generated.allclose(dynamic, rtol: 1e-6, atol: 1e-6), Is.True);
    }

    [Test]
    public void Training_the_flow_lowers_the_reverse_KL()
    {
        manual_seed(24);
        using var model = new PlanarVi();
        using var optimizer = optim.Adam(model.Q.parameters(), 0.02);
        using var batch = SamplingBatch.Use(128);
        double First() { using var scope = NewDisposeScope(); return model.ReverseKl().item<float>(); }
        var before = First();
        for (var step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.ReverseKl().backward();
            optimizer.step();
        }
        Assert.That(First(), Is.LessThan(before - 0.5), "the flow moves towards the target N(1, 0.5)");
    }
}
