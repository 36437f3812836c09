using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Examples;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>
/// The notebooks' train/test loop: each epoch one optimizer step per shuffled minibatch of 128 (Pixyz's
/// model.train), then the test loss over the test split (model.test), printed as the notebooks print it.
/// </summary>
public sealed class EpochTraining(ExampleOptions options, Digits train, Digits test, int batchSize = 128)
{
    /// <summary>Every step's training loss.</summary>
    public List<double> StepLosses { get; private set; } = new();

    /// <summary>The mean training loss of each epoch (what the notebooks print as "Train loss").</summary>
    public List<double> TrainLosses { get; } = new();

    /// <summary>The test loss after each epoch.</summary>
    public List<double> TestLosses { get; } = new();

    public int StepsPerEpoch => Minibatches.PerEpoch(train.Count, batchSize, options.Batches);

    /// <summary>
    /// Runs the epochs: <paramref name="step"/> does one step on a batch (images, one-hot labels) and reports its
    /// loss; <paramref name="testLoss"/> scores a test batch (with <paramref name="module"/>, when given, in eval
    /// mode); <paramref name="afterEpoch"/> runs after each test.
    /// </summary>
    public void Run(Action<TrainingProgress, Tensor, Tensor> step, Func<Tensor, Tensor, Tensor> testLoss, string testLabel = "test loss", Action<int>? afterEpoch = null, nn.Module? module = null)
    {
        StepLosses = TrainingProgress.Run(options.Steps * StepsPerEpoch, progress =>
        {
            for (var epoch = 1; epoch <= options.Steps; epoch++)
            {
                progress.Stage = $"epoch {epoch}/{options.Steps}";
                var first = progress.Losses.Count;
                module?.train();
                Minibatches.Epoch(train, batchSize, options.Batches, (x, y) => step(progress, x, y));
                var trainLoss = progress.Losses.Skip(first).Average();
                TrainLosses.Add(trainLoss);
                module?.eval();
                var tested = Minibatches.Mean(test, testLoss);
                TestLosses.Add(tested);
                AnsiConsole.MarkupLine($"Epoch: {epoch} Train loss: {trainLoss:F4}  {Markup.Escape(testLabel)}: {tested:F4}");
                afterEpoch?.Invoke(epoch);
            }
        });
    }

    /// <summary>The usual step: one optimizer step on <paramref name="loss"/> of the batch.</summary>
    public static Action<TrainingProgress, Tensor, Tensor> Minimizing(optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss) =>
        (progress, x, y) => Minibatches.Step(optimizer, progress, () => loss(x, y));

    /// <summary>
    /// The loss of every step as a line and the test loss of every epoch as points; a test loss of another scale (a
    /// classifier's beside a bound's) gets its own axis on the right with <paramref name="testOnOwnAxis"/>.
    /// </summary>
    public void SaveCurve(string path, string title, string yLabel = "nats per image", string testLabel = "test loss (per epoch)", bool testOnOwnAxis = false)
    {
        var evaluations = TestLosses.Select((value, i) => ((double)(i + 1) * StepsPerEpoch, value)).ToArray();
        // The first steps' losses dwarf the rest: the y axis starts from what training reaches.
        var shared = testOnOwnAxis ? Enumerable.Empty<double>() : TestLosses;
        var low = Math.Min(StepLosses.DefaultIfEmpty(0).Min(), shared.DefaultIfEmpty(double.PositiveInfinity).Min());
        var settled = StepLosses.Skip(StepLosses.Count / 10).DefaultIfEmpty(low).Max();
        Curves.Save(path,
            new[]
            {
                Curve.Line("train loss (per step)", StepLosses),
                new Curve(testLabel, evaluations, Markers: true, Axis: testOnOwnAxis ? CurveAxis.Right : CurveAxis.Left),
            },
            title, "step", yLabel, rightLabel: testOnOwnAxis ? testLabel : "",
            yMin: low - 0.05 * Math.Abs(low), yMax: settled + 0.1 * Math.Abs(settled - low) + 1e-6);
    }
}
