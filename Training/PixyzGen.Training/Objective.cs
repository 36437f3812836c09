using System;
using System.IO;
using static TorchSharp.torch;

namespace PixyzGen.Training;

/// <summary>
/// What a <see cref="Trainer"/> trains: one optimizer step on a batch, the test loss of a batch, and the state a
/// checkpoint keeps. Made from Pixyz's <see cref="Model"/> (<see cref="Of(Model)"/>) or from a generated <c>[Loss]</c>
/// and an optimizer (<see cref="Of(nn.Module, optim.Optimizer, Func{Variables, Tensor}, Func{Variables, Tensor}, double?, double?)"/>).
/// </summary>
public abstract class Objective
{
    /// <summary>One optimizer step on <paramref name="batch"/>; returns the loss before the step (non-finite: nothing changed).</summary>
    public abstract double Train(Variables batch);

    /// <summary>The test loss of <paramref name="batch"/> (a mean over its rows), without gradients.</summary>
    public abstract double Test(Variables batch);

    /// <summary>The optimizer, whose learning rate schedulers set.</summary>
    public abstract optim.Optimizer Optimizer { get; }

    /// <summary>The module whose parameters are trained.</summary>
    public abstract nn.Module Module { get; }

    /// <summary>The loss in a few words, for messages ("the loss of VaeModel", a Pixyz loss's formula).</summary>
    public abstract string Description { get; }

    /// <summary>Writes parameters, buffers and optimizer state.</summary>
    public abstract void WriteState(BinaryWriter writer);

    /// <summary>Reads what <see cref="WriteState"/> wrote, into the live tensors.</summary>
    public abstract void ReadState(BinaryReader reader);

    /// <summary>Pixyz's way: <see cref="Model.Train"/> and <see cref="Model.Test"/>, with the model's own clipping and NaN policy.</summary>
    public static Objective Of(Model model) => new ModelObjective(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>
    /// The generated way: <paramref name="loss"/> (e.g. <c>batch =&gt; model.Loss(batch["x"])</c>) minimized by
    /// <paramref name="optimizer"/> over <paramref name="module"/>'s parameters; <paramref name="testLoss"/> scores the
    /// test set (the training loss when null). Gradients are clipped by norm and/or value when given.
    /// </summary>
    public static Objective Of(nn.Module module, optim.Optimizer optimizer, Func<Variables, Tensor> loss,
        Func<Variables, Tensor>? testLoss = null, double? clipGradNorm = null, double? clipGradValue = null) =>
        new LossObjective(module, optimizer, loss, testLoss, clipGradNorm, clipGradValue);

    private sealed class ModelObjective(Model model) : Objective
    {
        public override double Train(Variables batch) => model.Train(batch);

        public override double Test(Variables batch) => model.Test(batch);

        public override optim.Optimizer Optimizer => model.Optimizer;

        public override nn.Module Module => model.Module;

        public override string Description => $"the loss {model.Loss}";

        public override void WriteState(BinaryWriter writer) => model.WriteState(writer);

        public override void ReadState(BinaryReader reader) => model.ReadState(reader);
    }
}
