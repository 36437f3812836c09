using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>p(x|y) written data -> noise (Pixyz's real_nvp_cond): affine couplings whose networks read the label y.</summary>
[Distribution("p(x|y)")]
public sealed partial class ConditionalFlow : InverseTransformedDistribution
{
    public ConditionalFlow() : base(
        new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 }),
        new FlowLayer[]
        {
            AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 16, conditionDim: 3),
            PermutationLayer.Reverse(2),
            AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 16, conditionDim: 3),
        })
    {
    }
}

[Model("p(x|y) = p(x|y)")]
public sealed partial class ConditionalDensity : GenerativeModel
{
    public ConditionalFlow P { get; } = new();

    [Loss("-mean(log p(x|y))")]
    public partial Tensor NegativeLogLikelihood(Tensor x, Tensor y);
}

/// <summary>A conditional flow: its layers read the condition, generated code and the dynamic API agree, training learns the condition.</summary>
public class ConditionalFlowTests
{
    private static (Tensor X, Tensor Y) Data(int count)
    {
        // Three classes, each a 2-D Gaussian around its own centre: x depends on y.
        var labels = randint(0, 3, new long[] { count });
        var centres = tensor(new[] { -2f, 0f, 2f, 2f, 0f, -2f }).reshape(3, 2);
        var x = centres.index_select(0, labels) + 0.3f * randn(count, 2);
        return (x, nn.functional.one_hot(labels, 3).to(ScalarType.Float32));
    }

    [Test]
    public void The_generated_loss_equals_the_dynamic_one_and_the_condition_matters()
    {
        manual_seed(61);
        using var model = new ConditionalDensity();
        var (x, y) = Data(32);
        var generated = model.NegativeLogLikelihood(x, y);
        var dynamic = (-model.P.LogProbLoss()).Mean().Eval(new Variables { ["x"] = x, ["y"] = y });
        Assert.That(generated.allclose(dynamic, rtol: 1e-6, atol: 1e-6), Is.True);
        Assert.That(model.P.CondVar, Is.EqualTo(new[] { "y" }), "the signature's condition reaches the layers");
        var otherLabels = y.roll(1, 1);
        Assert.That(model.NegativeLogLikelihood(x, otherLabels).item<float>(), Is.Not.EqualTo(generated.item<float>()), "another label, another density");
    }

    [Test]
    public void Draws_follow_the_condition_after_training()
    {
        manual_seed(62);
        using var model = new ConditionalDensity();
        using var optimizer = optim.Adam(model.parameters(), 1e-2);
        var first = double.NaN;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = Data(128);
            optimizer.zero_grad();
            var loss = model.NegativeLogLikelihood(x, y);
            if (step == 0) first = loss.item<float>();
            loss.backward();
            optimizer.step();
        }
        using var eval = no_grad();
        var (testX, testY) = Data(512);
        Assert.That(model.NegativeLogLikelihood(testX, testY).item<float>(), Is.LessThan(first - 1.0), "maximum likelihood learns p(x|y)");
        var label = nn.functional.one_hot(full(400, 2, ScalarType.Int64), 3).to(ScalarType.Float32);
        var drawn = model.Sample(label);
        Assert.That(drawn.mean(new long[] { 0 }).data<float>().ToArray(), Is.EqualTo(new[] { 0f, -2f }).Within(0.5), "draws for class 2 sit around its centre (0, -2)");
    }

    [Test]
    public void A_conditional_flow_built_in_the_dynamic_API_takes_its_conditions()
    {
        manual_seed(63);
        var flow = new InverseTransformedDistribution(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 }),
            new FlowLayer[] { AffineCouplingLayer.ForVectors(tensor(new[] { 1f, 0f }), 2, 8, conditionDim: 3) }, var: new[] { "x" }, condVar: new[] { "y" });
        Assert.That((flow.ProbText, flow.InputVar), Is.EqualTo(("p(x|y)", new[] { "y" })));
        var (x, y) = Data(8);
        Assert.That(flow.LogProb(new Variables { ["x"] = x, ["y"] = y }).shape, Is.EqualTo(new long[] { 8 }));
        Assert.That(() => flow.LogProb(new Variables { ["x"] = x }), Throws.ArgumentException.With.Message.Contains("'y'"));
    }
}
