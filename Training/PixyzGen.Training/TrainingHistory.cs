using System.Collections.Generic;

namespace PixyzGen.Training;

/// <summary>What a run has done: every step's loss and each epoch's summary, kept in the checkpoint so a resumed run's history is whole.</summary>
public sealed class TrainingHistory
{
    /// <summary>The loss of every step, in order (skipped non-finite steps included).</summary>
    public List<double> StepLosses { get; } = new();

    /// <summary>Each finished epoch.</summary>
    public List<EpochSummary> Epochs { get; } = new();

    /// <summary>Steps skipped for a non-finite loss.</summary>
    public long SkippedSteps { get; internal set; }
}

/// <summary>One finished epoch: its number (1-based), mean training loss, test loss (NaN without test data) and learning rate.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double TestLoss, double LearningRate);

/// <summary>One training step: the epoch (1-based), the step within it and overall (1-based), and its loss.</summary>
public sealed record StepReport(int Epoch, long StepInEpoch, long Step, double Loss);

/// <summary>How a run ended: its history, and whether it was stopped before its last epoch.</summary>
public sealed record TrainingResult(TrainingHistory History, bool Stopped)
{
    /// <summary>The last finished epoch's summary, or null.</summary>
    public EpochSummary? Last => History.Epochs.Count > 0 ? History.Epochs[^1] : null;
}
