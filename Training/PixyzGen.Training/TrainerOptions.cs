using System;
using static TorchSharp.torch;

namespace PixyzGen.Training;

/// <summary>How a <see cref="Trainer"/> runs: epochs, what it shows and logs, schedules, and where it keeps checkpoints.</summary>
public sealed record TrainerOptions
{
    /// <summary>Epochs to train (a resumed run counts those already done).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>How progress is shown (a bar on a terminal, a line per epoch when output is redirected, by default).</summary>
    public ProgressStyle Progress { get; init; } = ProgressStyle.Auto;

    /// <summary>A folder for TensorBoard event files (TorchSharp's SummaryWriter), or none.</summary>
    public string? TensorBoard { get; init; }

    /// <summary>Builds a learning-rate scheduler over the optimizer (TorchSharp's <c>optim.lr_scheduler</c>); stepped once per epoch, after the test.</summary>
    public Func<optim.Optimizer, optim.lr_scheduler.LRScheduler>? Scheduler { get; init; }

    /// <summary>What a step whose loss is NaN or infinite does: stop with an error naming the step (the default), or skip the batch.</summary>
    public NonFiniteLossPolicy NonFiniteLoss { get; init; } = NonFiniteLossPolicy.Throw;

    /// <summary>The checkpoint file (written atomically), or none.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>Write the checkpoint after every this many epochs (and always when a run is stopped or ends).</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Continue from <see cref="Checkpoint"/> when the file exists (parameters, optimizer, scheduler, epoch, step, random state); when false, start afresh and replace it.</summary>
    public bool Resume { get; init; }

    internal void Check()
    {
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs are 0 or more.");
        if (CheckpointEvery < 1) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "A checkpoint every 1 or more epochs.");
    }
}

/// <summary>How a <see cref="Trainer"/> shows progress.</summary>
public enum ProgressStyle
{
    /// <summary>A bar on an interactive terminal; lines when output is redirected.</summary>
    Auto,

    /// <summary>A Spectre.Console progress bar with the running loss (lines all the same when output is redirected: a bar cannot be redrawn in a file).</summary>
    Bar,

    /// <summary>One line per epoch (Pixyz's notebooks' "Epoch: 1 Train loss: ..." lines).</summary>
    Lines,

    /// <summary>Nothing; events and the returned history only.</summary>
    None,
}
