using System;
using System.IO;
using System.Linq;
using System.Threading;
using PixyzGen.Datasets;
using static TorchSharp.torch;

namespace PixyzGen.Training;

/// <summary>
/// The epoch loop: each epoch one <see cref="Objective.Train"/> step per batch of the training data, then the test
/// loss over the test data, the scheduler's step, events, TensorBoard and the checkpoint. Stopped through the
/// cancellation token (Ctrl+C with <see cref="StopSignal"/>), it finishes the step, writes the checkpoint and returns;
/// a later <see cref="Fit"/> with the same options resumes, and ends with the parameters an uninterrupted run has.
/// </summary>
public sealed class Trainer(Objective objective, TrainerOptions? options = null)
{
    private readonly Objective objective = objective ?? throw new ArgumentNullException(nameof(objective));

    private readonly TensorBoardEvents log = new(options?.TensorBoard);

    /// <summary>The options of this trainer.</summary>
    public TrainerOptions Options { get; } = options ?? new TrainerOptions();

    /// <summary>
    /// TorchSharp's SummaryWriter over <see cref="TrainerOptions.TensorBoard"/> (null without it), where the trainer
    /// writes its scalars and a program may add its own text and images.
    /// </summary>
    public TorchSharp.Modules.SummaryWriter? TensorBoard => log.Writer;

    /// <summary>After every step (its loss already checked and the optimizer stepped).</summary>
    public event Action<StepReport>? StepCompleted;

    /// <summary>After every epoch's test, scheduler step and checkpoint.</summary>
    public event Action<EpochSummary>? EpochCompleted;

    /// <summary>
    /// Trains on <paramref name="train"/> for <see cref="TrainerOptions.Epochs"/> epochs (less those a checkpoint has
    /// done), scoring <paramref name="test"/> after each; returns the history and whether the run was stopped.
    /// </summary>
    public TrainingResult Fit(Batches train, Batches? test = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        Options.Check();
        if (train.Count == 0) throw new ArgumentException($"The training data gives no batch ({train.Rows} rows, batches of {train.BatchSize}, drop last {train.DropLast}).", nameof(train));
        var scheduler = Options.Scheduler?.Invoke(objective.Optimizer);
        var state = Resume(train, scheduler) ?? new TrainerState();
        var stopped = false;
        ProgressView.Run(Options.Progress, Options.Epochs * train.Count, Math.Min(state.Step, Options.Epochs * train.Count), view =>
        {
            if (state.Step > 0) view.Note($"resumed from {Options.Checkpoint} at epoch {state.CompletedEpochs + 1}, step {state.StepInEpoch + 1}");
            while (state.CompletedEpochs < Options.Epochs && !stopped)
            {
                stopped = !TrainEpoch(train, state, view, cancel);
                if (stopped) break;
                var summary = FinishEpoch(test, state, scheduler);
                log.Epoch(summary);
                view.Epoch(summary);
                if (Options.Checkpoint is { } path && (summary.Epoch % Options.CheckpointEvery == 0 || summary.Epoch == Options.Epochs)) Save(path, state, train);
                EpochCompleted?.Invoke(summary);
                stopped = cancel.IsCancellationRequested && state.CompletedEpochs < Options.Epochs;
            }
            if (!stopped) return;
            if (Options.Checkpoint is { } checkpoint)
            {
                Save(checkpoint, state, train);
                view.Note($"stopped at epoch {state.CompletedEpochs + 1}, step {state.StepInEpoch}; wrote {checkpoint}");
            }
            else
            {
                view.Note($"stopped at epoch {state.CompletedEpochs + 1}, step {state.StepInEpoch} (no checkpoint: set TrainerOptions.Checkpoint to resume)");
            }
        });
        return new TrainingResult(state.History, stopped);
    }

    // One epoch's steps from where the state is; false when the run was stopped mid-epoch.
    private bool TrainEpoch(Batches train, TrainerState state, ProgressView view, CancellationToken cancel)
    {
        var epoch = state.CompletedEpochs + 1;
        foreach (var batch in train.Epoch(state.CompletedEpochs, state.StepInEpoch))
        {
            if (cancel.IsCancellationRequested) return false;
            var loss = objective.Train(batch);
            state.Step++;
            state.StepInEpoch++;
            if (!double.IsFinite(loss))
            {
                if (Options.NonFiniteLoss == NonFiniteLossPolicy.Throw)
                    throw new NonFiniteLossException(state.Step, objective.Description, loss);
                state.History.SkippedSteps++;
            }
            state.History.StepLosses.Add(loss);
            var report = new StepReport(epoch, state.StepInEpoch, state.Step, loss);
            log.Step(report);
            view.Step(report, Options.Epochs);
            StepCompleted?.Invoke(report);
        }
        return true;
    }

    private EpochSummary FinishEpoch(Batches? test, TrainerState state, optim.lr_scheduler.LRScheduler? scheduler)
    {
        var epochLosses = state.History.StepLosses.Skip(state.History.StepLosses.Count - (int)state.StepInEpoch).Where(double.IsFinite).ToArray();
        var trainLoss = epochLosses.Length > 0 ? epochLosses.Average() : double.NaN;
        var testLoss = test is null ? double.NaN : Evaluate(test);
        StepScheduler(scheduler, double.IsNaN(testLoss) ? trainLoss : testLoss);
        var summary = new EpochSummary(state.CompletedEpochs + 1, trainLoss, testLoss, LearningRate);
        state.History.Epochs.Add(summary);
        state.CompletedEpochs++;
        state.StepInEpoch = 0;
        return summary;
    }

    /// <summary>The test loss over every batch of <paramref name="test"/>, weighted by the batches' rows.</summary>
    public double Evaluate(Batches test)
    {
        ArgumentNullException.ThrowIfNull(test);
        double total = 0;
        long rows = 0;
        foreach (var batch in test)
        {
            var size = batch.Values.First().shape[0];
            total += objective.Test(batch) * size;
            rows += size;
        }
        return rows == 0 ? double.NaN : total / rows;
    }

    private double LearningRate => objective.Optimizer.ParamGroups.First().LearningRate;

    private static void StepScheduler(optim.lr_scheduler.LRScheduler? scheduler, double metric)
    {
        if (scheduler is optim.lr_scheduler.impl.ReduceLROnPlateau plateau) plateau.step(metric);
        else scheduler?.step();
    }

    private TrainerState? Resume(Batches train, optim.lr_scheduler.LRScheduler? scheduler)
    {
        if (Options.Checkpoint is not { } path || !Options.Resume || !File.Exists(path)) return null;
        // The scheduler replays the epochs done (from the optimizer's first learning rate), then the optimizer's own state is read.
        return TrainingCheckpoint.Load(path, objective, train.Rows, train.BatchSize, state =>
        {
            foreach (var epoch in state.History.Epochs)
                StepScheduler(scheduler, double.IsNaN(epoch.TestLoss) ? epoch.TrainLoss : epoch.TestLoss);
        });
    }

    private void Save(string path, TrainerState state, Batches train) =>
        TrainingCheckpoint.Save(path, state, objective, train.Rows, train.BatchSize);
}
