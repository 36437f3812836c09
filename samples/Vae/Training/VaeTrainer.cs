using System;
using System.Collections.Generic;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae.Training;

/// <summary>
/// Minibatch Adam on the generated loss, or on a formula given at run time (<see cref="TrainingOptions.LossFormula"/>,
/// through <see cref="PixyzGen.Loss.Parse(string, GenerativeModel)"/>); each step runs in its own dispose scope, so
/// memory stays flat. The test set is always scored by the model's negative ELBO, so runs on other losses compare.
/// </summary>
public sealed class VaeTrainer(VaeModel model, TrainingOptions options)
{
    private readonly optim.Optimizer optimizer = new FusedAdam(model.parameters(), options.LearningRate);

    private readonly Func<Tensor, Tensor> objective = Objective(model, options.LossFormula);

    private static Func<Tensor, Tensor> Objective(VaeModel model, string? formula)
    {
        if (formula is null) return model.Loss;
        var loss = PixyzGen.Loss.Parse(formula, model);
        return x => loss.Eval(new Variables { ["x"] = x });
    }

    /// <summary>The loss of every step, in order.</summary>
    public List<double> StepLosses { get; } = new();

    /// <summary>One pass over the training images in a random order; returns the mean loss.</summary>
    public double TrainEpoch(MnistSplit train, Action<int, double>? onStep = null)
    {
        model.train();
        var count = train.Count;
        using var order = randperm(count, device: train.Images.device);   // on the data's device, as index_select needs
        double total = 0;
        var steps = 0;
        for (long start = 0; start < count; start += options.BatchSize)
        {
            NativeSettings.ApplyThreadPolicy();
            using var scope = NewDisposeScope();
            var length = Math.Min(options.BatchSize, count - start);
            var batch = train.Images.index_select(0, order.narrow(0, start, length));
            optimizer.zero_grad();
            var loss = objective(batch);
            var value = loss.item<float>();
            // A NaN or infinite loss never reaches the weights: the run stops, naming the step.
            if (!float.IsFinite(value)) throw new TrainingDivergedException(StepLosses.Count + 1, value);
            loss.backward();
            optimizer.step();
            StepLosses.Add(value);
            total += value;
            steps++;
            onStep?.Invoke(steps, value);
        }
        return total / steps;
    }

    /// <summary>The test set's negative ELBO in nats per image (one sample of z per image), without gradients.</summary>
    public double Evaluate(MnistSplit test, int batchSize = 500)
    {
        model.eval();
        using var noGrad = no_grad();
        double total = 0;
        for (long start = 0; start < test.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, test.Count - start);
            total += model.Loss(test.Images.narrow(0, start, length)).item<float>() * length;
        }
        return total / test.Count;
    }

    public int StepsPerEpoch(long count) => (int)((count + options.BatchSize - 1) / options.BatchSize);
}
