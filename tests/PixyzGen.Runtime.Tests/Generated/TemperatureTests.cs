using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>q(y|x): a Gumbel-softmax classifier over 4 classes at temperature 1 unless a loss sets another.</summary>
[Distribution("q(y|x)")]
public sealed partial class SoftClassifier : RelaxedCategorical
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(3, 4);

    public SoftClassifier() : base(temperature: 1.0) => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.call(x));
}

/// <summary>p(x|y): a Normal whose mean a linear map of the (relaxed) label gives.</summary>
[Distribution("p(x|y)")]
public sealed partial class RelaxedLabelDecoder : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(4, 3);

    public RelaxedLabelDecoder() => RegisterComponents();

    private NormalParams Forward(Tensor y) => new(net.call(y), ones(3));
}

[Model("p(x|y) = p(x|y)")]
public sealed partial class AnnealedLabels : GenerativeModel
{
    public SoftClassifier Q { get; } = new();
    public RelaxedLabelDecoder P { get; } = new();

    // Annealing stays in the formula: the temperature is given at each call.
    [Loss("mean(E_q(y|x, temperature = tau)[log p(x|y)])")]
    public partial Tensor Reconstruction(Tensor x, double tau);

    [Loss("mean(E_q(y|x, temperature = 0.25)[log p(x|y)])")]
    public partial Tensor ColdReconstruction(Tensor x);
}

public class TemperatureTests
{
    [Test]
    public void A_temperature_given_at_the_call_equals_the_dynamic_loss_at_that_temperature_and_is_restored()
    {
        manual_seed(41);
        using var model = new AnnealedLabels();
        var x = randn(16, 3);
        foreach (var tau in new[] { 0.3, 2.0 })
        {
            manual_seed(42);
            var generated = model.Reconstruction(x, tau).item<float>();
            Assert.That(model.Q.Temperature, Is.EqualTo(1.0), "the member's own temperature is back after the call");
            model.Q.Temperature = tau;
            manual_seed(42);
            var dynamic = new Expectation(model.Q, model.P.LogProbLoss()).Mean().Eval(new Variables { ["x"] = x }).item<float>();
            model.Q.Temperature = 1.0;
            Assert.That(generated, Is.EqualTo(dynamic).Within(1e-5 * Math.Abs(dynamic)), $"tau = {tau}");
        }
        manual_seed(43);
        var cold = model.Reconstruction(x, 0.3).item<float>();
        manual_seed(43);
        var hot = model.Reconstruction(x, 2.0).item<float>();
        Assert.That(cold, Is.Not.EqualTo(hot).Within(1e-4), "the same noise at another temperature draws other labels");
    }

    [Test]
    public void A_temperature_written_in_the_formula_is_that_number()
    {
        manual_seed(44);
        using var model = new AnnealedLabels();
        var x = randn(16, 3);
        manual_seed(45);
        var written = model.ColdReconstruction(x).item<float>();
        manual_seed(45);
        var given = model.Reconstruction(x, 0.25).item<float>();
        Assert.That(written, Is.EqualTo(given));
        Assert.That(model.Q.Temperature, Is.EqualTo(1.0));
    }

    [Test]
    public void A_temperature_that_is_not_positive_is_refused_and_leaves_the_member_as_it_was()
    {
        using var model = new AnnealedLabels();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Reconstruction(randn(2, 3), 0.0));
        Assert.That(error!.Message, Does.Contain("q(y|x) (SoftClassifier)").And.Contain("temperature must be positive"));
        Assert.That(model.Q.Temperature, Is.EqualTo(1.0));
    }
}
