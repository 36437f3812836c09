using System;
using System.IO;
using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>
/// What TensorBoard shows of a run (<c>--tensorboard &lt;dir&gt;</c>), through TorchSharp's own SummaryWriter: the loss at
/// every step, the epoch's train loss and test negative ELBO, the model's text and LaTeX, and the PNGs the run writes.
/// Without a folder every call does nothing.
/// </summary>
public sealed class TensorBoardLog
{
    private readonly SummaryWriter? writer;

    private TensorBoardLog(SummaryWriter? writer) => this.writer = writer;

    /// <summary>A log writing event files into <paramref name="folder"/> (checked like --output, before training), or none.</summary>
    public static TensorBoardLog Open(string? folder)
    {
        if (folder is null) return new TensorBoardLog(null);
        OutputFolder.Prepare(folder, "--tensorboard");
        return new TensorBoardLog(SummaryWriter(folder));
    }

    /// <summary>The folder the event files are in, or null.</summary>
    public string? Folder => writer?.LogDir;

    public void Step(int step, double loss) => writer?.add_scalar("loss/train_step", (float)loss, step);

    public void Epoch(int epoch, double trainLoss, double testNegativeElbo)
    {
        writer?.add_scalar("loss/train_epoch", (float)trainLoss, epoch);
        writer?.add_scalar("negative_elbo/test", (float)testNegativeElbo, epoch);
    }

    public void Model(string text, string latex, int step)
    {
        // TensorBoard renders text as Markdown: the printed model as a code block, the loss as LaTeX source.
        writer?.add_text("model", "```\n" + text + "\n```", step);
        writer?.add_text("loss_latex", latex, step);
    }

    public void Image(string tag, string pngPath, int step)
    {
        if (writer is not null && File.Exists(pngPath)) writer.add_img(tag, pngPath, step);
    }
}
