using System;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>
/// Flows written data -> noise (InverseTransformedDistribution): the log-density runs the layers forward, so batch
/// normalization uses batch statistics on the data in training and its running averages track the data.
/// </summary>
public class InverseFlowTests
{
    private static Normal Noise() => new(0.0, 1.0, var: new[] { "z" }, features: new long[] { 1 });

    private static double NormalLogPdf(double x, double m, double s) => -0.5 * Math.Pow((x - m) / s, 2) - Math.Log(s) - 0.5 * Math.Log(2 * Math.PI);

    [Test]
    public void The_log_density_normalizes_with_the_batch_statistics_in_training()
    {
        var values = new[] { 1.0, 2.0, 4.0, 9.0 };
        using var flow = new InverseTransformedDistribution(Noise(), new FlowLayer[] { new BatchNormLayer(1) }, var: new[] { "x" });
        flow.train();
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average() + 1e-5;
        var expected = values.Select(v => NormalLogPdf((v - mean) / Math.Sqrt(variance), 0, 1) - 0.5 * Math.Log(variance)).ToArray();
        using var x = tensor(values).reshape(4, 1).to(ScalarType.Float32);
        var actual = flow.LogProb(new Variables { ["x"] = x }).data<float>().Select(v => (double)v).ToArray();
        Assert.That(actual, Is.EqualTo(expected).Within(1e-4));
    }

    [Test]
    public void Maximum_likelihood_with_batch_norm_learns_the_data_statistics()
    {
        manual_seed(17);
        var batchNorm = new BatchNormLayer(1);
        using var flow = new InverseTransformedDistribution(Noise(), new FlowLayer[] { batchNorm }, var: new[] { "x" });
        using var ml = new ML(flow, optimizer: ps => optim.Adam(ps, 0.01));
        for (var step = 0; step < 150; step++) ml.Train(new Variables { ["x"] = randn(256, 1) * 3 + 5 });
        var runningMean = batchNorm.get_buffer("running_mean")!.item<float>();
        var runningVar = batchNorm.get_buffer("running_var")!.item<float>();
        Assert.That(runningMean, Is.EqualTo(5).Within(0.3));
        Assert.That(runningVar, Is.EqualTo(9).Within(1.5));

        // In eval() the flow is the fixed bijection of the running statistics: the data's log-likelihood is N(5, 3)'s.
        flow.eval();
        using var test = randn(20_000, 1) * 3 + 5;
        var average = flow.LogProb(new Variables { ["x"] = test }).mean().item<float>();
        Assert.That(average, Is.EqualTo(-Math.Log(3) - 0.5 * Math.Log(2 * Math.PI) - 0.5).Within(0.1));

        // Drawing runs the layers backward from the noise.
        var draws = flow.Sample(batchN: 20_000)["x"];
        Assert.That(draws.mean().item<float>(), Is.EqualTo(5).Within(0.2));
        Assert.That(draws.std().item<float>(), Is.EqualTo(3).Within(0.2));
    }
}
