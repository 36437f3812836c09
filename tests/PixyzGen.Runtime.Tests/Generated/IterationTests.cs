using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>h_t = x_t + h_{t-1} / 2, computed deterministically from the observation and the previous state.</summary>
[Distribution("d(h|x,h_prev)")]
public sealed partial class Transition : Deterministic
{
    private Tensor Forward(Tensor x, Tensor h_prev) => x + h_prev * 0.5;
}

/// <summary>x_t | h_{t-1} ~ N(h_{t-1}, 1).</summary>
[Distribution("p(x|h_prev)")]
public sealed partial class Emission : Normal
{
    private NormalParams Forward(Tensor h_prev) => new(h_prev, ones_like(h_prev));
}

/// <summary>A state-space model whose loss is unrolled over a sequence by the generated code.</summary>
[Model("p(x,h|h_prev) = p(x|h_prev) d(h|x,h_prev)")]
public sealed partial class SequenceModel : GenerativeModel
{
    public Transition D { get; } = new();

    public Emission P { get; } = new();

    [Loss("iterate(x | h = h_prev)[E_d(h|x,h_prev)[-log p(x|h_prev)]]")]
    public partial Tensor NegativeLogLikelihood(Tensor x, Tensor h_prev);
}

public class IterationTests
{
    [Test]
    public void The_generated_iteration_equals_the_unrolled_recurrence_and_the_dynamic_IterativeLoss()
    {
        manual_seed(7);
        using var model = new SequenceModel();
        var series = randn(5, 3, 2, dtype: ScalarType.Float64);
        var initial = randn(3, 2, dtype: ScalarType.Float64);
        var generated = model.NegativeLogLikelihood(series, initial);

        var expected = zeros(3, dtype: ScalarType.Float64);
        var h = initial;
        for (var t = 0; t < 5; t++)
        {
            expected += (series[t] - h).square().mul(0.5).add(0.5 * Math.Log(2 * Math.PI)).sum(-1);
            h = series[t] + h * 0.5;
        }
        Assert.That(generated.data<double>().ToArray(), Is.EqualTo(expected.data<double>().ToArray()).Within(1e-12));

        var dynamic = new IterativeLoss(new Expectation(model.D, -model.P.LogProbLoss()), new[] { "x" }, new Dictionary<string, string> { ["h"] = "h_prev" });
        Assert.That(dynamic.Eval(new Variables { ["x"] = series, ["h_prev"] = initial }).allclose(generated), Is.True);
        Assert.That(dynamic.ToString(), Is.EqualTo("iterate(x | h = h_prev)[E_d(h|x,h_prev)[-log p(x|h_prev)]]"));
        Assert.That(dynamic.ToLatex(), Is.EqualTo(SequenceModel.NegativeLogLikelihoodLatex));
    }
}
