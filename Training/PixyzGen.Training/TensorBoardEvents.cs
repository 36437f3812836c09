using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace PixyzGen.Training;

/// <summary>A run's scalars in TensorBoard through TorchSharp's SummaryWriter: each step's loss, each epoch's train and test loss and learning rate.</summary>
internal sealed class TensorBoardEvents(string? folder)
{
    private readonly SummaryWriter? writer = folder is null ? null : SummaryWriter(folder);

    /// <summary>The writer, for what a program adds of its own (text, images); null without a folder.</summary>
    public SummaryWriter? Writer => writer;

    public void Step(StepReport step) => writer?.add_scalar("loss/train_step", (float)step.Loss, (int)step.Step);

    public void Epoch(EpochSummary summary)
    {
        if (writer is null) return;
        writer.add_scalar("loss/train_epoch", (float)summary.TrainLoss, summary.Epoch);
        if (!double.IsNaN(summary.TestLoss)) writer.add_scalar("loss/test", (float)summary.TestLoss, summary.Epoch);
        writer.add_scalar("learning_rate", (float)summary.LearningRate, summary.Epoch);
    }
}
