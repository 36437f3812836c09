using System;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>q(z) = N(mu, 1) with a learnable mu, started at 1.</summary>
[Distribution("q(z)")]
public sealed partial class LearnedPosterior : Normal
{
    private readonly TorchSharp.Modules.Parameter mu = nn.Parameter(ones(1));

    public LearnedPosterior() : base(features: new long[] { 1 }) => RegisterComponents();

    private NormalParams Forward() => new(mu, ones(1));
}

[Distribution("p(z)")]
public sealed partial class UnitPrior() : Normal(0.0, 1.0, features: [1]);

/// <summary>Variational inference with nothing observed: every draw comes from an unconditioned q.</summary>
[Model("p(z) = p(z)")]
public sealed partial class NothingObserved : GenerativeModel
{
    public LearnedPosterior Q { get; } = new();
    public UnitPrior P { get; } = new();

    [Loss("mean(E_q(z)[log q(z) - log p(z)])")]
    public partial Tensor Vi();
}

/// <summary>
/// Draws with no inputs to carry a batch take the SamplingBatch in force, in trainers (Model.BatchSize, Pixyz's
/// train(batch_size=...)) and in generated losses alike: with many draws the VI loss is the closed-form KL.
/// </summary>
public class UnconditionedBatchTests
{
    // KL(N(1, 1) || N(0, 1)) = 1/2; log q(z) - log p(z) = z - 1/2 has variance 1, so 20,000 draws estimate it within 0.03.
    private const double ClosedFormKl = 0.5;

    [Test]
    public void A_trainer_with_a_batch_size_draws_that_many_values_of_an_unconditioned_posterior()
    {
        manual_seed(31);
        using var model = new NothingObserved();
        using var vi = new VI(model.P, model.Q) { BatchSize = 20_000 };
        Assert.That(vi.Test(Variables.Empty), Is.EqualTo(ClosedFormKl).Within(0.03));
        using (SamplingBatch.Use(7)) Assert.That(model.Q.Sample(Variables.Empty)["z"].shape[0], Is.EqualTo(7));
        Assert.That(model.Q.Sample(Variables.Empty)["z"].shape[0], Is.EqualTo(1), "outside a scope, one row as before");
    }

    [Test]
    public void A_generated_loss_without_data_takes_the_batch_in_force_and_equals_the_dynamic_loss()
    {
        manual_seed(32);
        using var model = new NothingObserved();
        using (SamplingBatch.Use(20_000)) Assert.That(model.Vi().item<float>(), Is.EqualTo(ClosedFormKl).Within(0.03));

        using var batch = SamplingBatch.Use(1_000);
        manual_seed(5);
        var generated = model.Vi().item<float>();
        manual_seed(5);
        var dynamic = (-new ELBO(model.P, model.Q)).Mean().Eval(Variables.Empty).item<float>();
        Assert.That(generated, Is.EqualTo(dynamic).Within(1e-6));
    }
}
