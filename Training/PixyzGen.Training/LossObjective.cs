using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Training;

/// <summary>A loss function of a batch (a generated <c>[Loss]</c>), minimized over a module's parameters.</summary>
internal sealed class LossObjective : Objective
{
    private readonly nn.Module module;
    private readonly optim.Optimizer optimizer;
    private readonly Func<Variables, Tensor> loss;
    private readonly Func<Variables, Tensor> testLoss;
    private readonly double? clipGradNorm;
    private readonly double? clipGradValue;

    public LossObjective(nn.Module module, optim.Optimizer optimizer, Func<Variables, Tensor> loss, Func<Variables, Tensor>? testLoss, double? clipGradNorm, double? clipGradValue)
    {
        this.module = module ?? throw new ArgumentNullException(nameof(module));
        this.optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.loss = loss ?? throw new ArgumentNullException(nameof(loss));
        this.testLoss = testLoss ?? loss;
        GradientStep.CheckClipping(clipGradNorm, clipGradValue);
        this.clipGradNorm = clipGradNorm;
        this.clipGradValue = clipGradValue;
    }

    public override double Train(Variables batch)
    {
        NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        module.train();
        optimizer.zero_grad();
        return GradientStep.Take(optimizer, module.parameters(), Scalar(loss(batch)), clipGradNorm, clipGradValue);
    }

    public override double Test(Variables batch)
    {
        NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        return Scalar(testLoss(batch)).ToDouble();
    }

    public override optim.Optimizer Optimizer => optimizer;

    public override nn.Module Module => module;

    public override string Description => $"the loss of {module.GetName()}";

    public override void WriteState(BinaryWriter writer)
    {
        module.save(writer);
        OptimizerCheckpoint.Save(optimizer, writer);
    }

    public override void ReadState(BinaryReader reader)
    {
        module.load(reader);
        OptimizerCheckpoint.Load(optimizer, reader);
    }

    private Tensor Scalar(Tensor value) => value.numel() == 1
        ? value
        : throw new InvalidOperationException($"The loss of {module.GetName()} has shape [{string.Join(", ", value.shape)}]; a training loss is one number per batch (take its mean).");
}
