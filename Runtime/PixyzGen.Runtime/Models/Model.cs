using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Trains the distributions of a loss (Pixyz's <c>Model</c>): <see cref="Train"/> does one optimizer step on a
/// batch and returns the loss; <see cref="Test"/> evaluates without gradients. Each call runs in its own dispose
/// scope and keeps nothing of the caller's tensors. Adam (learning rate 1e-3) unless another optimizer is given;
/// optional gradient clipping by norm or by value.
/// </summary>
public class Model : IDisposable
{
    private readonly Distribution[] distributions;
    private readonly TrainedModules modules;
    private readonly optim.Optimizer optimizer;

    /// <param name="loss">The training objective; it must reduce to a scalar (use <see cref="Loss.Mean"/>).</param>
    /// <param name="testLoss">The objective for <see cref="Test"/>; the training loss when null.</param>
    /// <param name="distributions">The distributions whose parameters are trained; by default those the loss uses.</param>
    /// <param name="optimizer">Builds the optimizer from the parameters; Adam with learning rate 1e-3 (<see cref="FusedAdam"/>) when null.</param>
    /// <param name="clipGradNorm">Clips the global gradient norm to this value before each step.</param>
    /// <param name="clipGradValue">Clips each gradient element to [-value, value] before each step.</param>
    public Model(
        Loss loss, Loss? testLoss = null, IEnumerable<Distribution>? distributions = null,
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null,
        double? clipGradNorm = null, double? clipGradValue = null)
    {
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        TestLoss = testLoss ?? loss;
        this.distributions = (distributions ?? loss.Distributions).Distinct().ToArray();
        GradientStep.CheckClipping(clipGradNorm, clipGradValue);
        ClipGradNorm = clipGradNorm;
        ClipGradValue = clipGradValue;
        modules = new TrainedModules(this.distributions);
        var parameters = modules.parameters().ToArray();
        if (parameters.Length == 0)
            throw new ArgumentException($"Model: none of [{string.Join(", ", this.distributions.Select(d => d.ProbText))}] has parameters to train.", nameof(distributions));
        this.optimizer = (optimizer ?? (ps => new FusedAdam(ps, 1e-3)))(parameters);
    }

    /// <summary>The training objective.</summary>
    public Loss Loss { get; }

    /// <summary>The objective Test evaluates.</summary>
    public Loss TestLoss { get; }

    /// <summary>The trained distributions.</summary>
    public IReadOnlyList<Distribution> Distributions => distributions;

    /// <summary>The optimizer of the trained parameters.</summary>
    public optim.Optimizer Optimizer => optimizer;

    /// <summary>The global gradient-norm bound, if any.</summary>
    public double? ClipGradNorm { get; }

    /// <summary>The per-element gradient bound, if any.</summary>
    public double? ClipGradValue { get; }

    /// <summary>What the loss's own training step (a discriminator's) returned at the last <see cref="Train"/>; 0 when it has none.</summary>
    public double AuxiliaryLoss { get; private set; }

    /// <summary>
    /// The batch size of draws from distributions without inputs during <see cref="Train"/> and <see cref="Test"/>
    /// (Pixyz's <c>train(batch_size=...)</c>, for VI with an unconditioned q); null draws one row (see <see cref="SamplingBatch"/>).
    /// </summary>
    public long? BatchSize { get; set; }

    /// <summary>What a step whose loss is NaN or infinite does: throw (the default) or skip the batch.</summary>
    public NonFiniteLossPolicy NonFiniteLoss { get; set; } = NonFiniteLossPolicy.Throw;

    /// <summary>How many <see cref="Train"/> calls there have been.</summary>
    public long Steps { get; private set; }

    /// <summary>How many steps were skipped for a non-finite loss (<see cref="NonFiniteLossPolicy.SkipBatch"/>).</summary>
    public long SkippedSteps { get; private set; }

    /// <summary>
    /// One optimizer step on <paramref name="inputs"/>; returns the loss before the step. A NaN or infinite loss never
    /// reaches the parameters: it throws <see cref="NonFiniteLossException"/> or, with
    /// <see cref="NonFiniteLossPolicy.SkipBatch"/>, leaves them unchanged and returns the value.
    /// </summary>
    public virtual double Train(Variables inputs)
    {
        NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        using var batch = BatchSize is { } size ? SamplingBatch.Use(size) : null;
        Steps++;
        modules.train();
        // Adversarial terms train their discriminators first, as Pixyz's GAN.train does (loss_train, then the model's step).
        AuxiliaryLoss = Loss.Train(inputs);
        optimizer.zero_grad();
        var value = GradientStep.Take(optimizer, modules.parameters(), Scalar(Loss.Eval(inputs), Loss), ClipGradNorm, ClipGradValue);
        if (double.IsFinite(value)) return value;
        if (NonFiniteLoss == NonFiniteLossPolicy.Throw)
            throw new NonFiniteLossException(Steps, Loss.ToString(), NonFiniteTerms.First(Loss, inputs), value);
        SkippedSteps++;
        return value;
    }

    /// <summary>The test loss on <paramref name="inputs"/>, without gradients.</summary>
    public virtual double Test(Variables inputs)
    {
        NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        using var batch = BatchSize is { } size ? SamplingBatch.Use(size) : null;
        using var noGrad = no_grad();
        modules.eval();
        return Scalar(TestLoss.Eval(inputs), TestLoss).ToDouble();
    }

    /// <summary>
    /// Writes every trained parameter and buffer and the optimizer state to <paramref name="path"/>, atomically
    /// (<see cref="AtomicFile"/>): a failure mid-write leaves the previous checkpoint intact.
    /// </summary>
    public void Save(string path)
    {
        // A diverged model must not replace a good checkpoint.
        foreach (var (name, parameter) in modules.named_parameters())
            if (!parameter.isfinite().all().item<bool>())
                throw new InvalidOperationException($"Refusing to save {path}: parameter '{name}' holds NaN or infinite values (training diverged); the previous file is unchanged.");
        AtomicFile.Write(path, WriteState);
    }

    /// <summary>
    /// Restores what <see cref="Save"/> wrote; the model must have the same distributions and optimizer. All or
    /// nothing: the whole file must read back (a truncated file, another model's, an optimizer mismatch, or bytes after
    /// the end are errors naming the file), and on any error the model is left exactly as it was.
    /// </summary>
    public void Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var backup = new MemoryStream();
        using (var writer = new BinaryWriter(backup, System.Text.Encoding.UTF8, leaveOpen: true)) WriteState(writer);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = new BinaryReader(stream);
            ReadState(reader);
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the end of the checkpoint");
        }
        catch (Exception e)
        {
            // Loading wrote into the live tensors as it read: put back what was there.
            backup.Position = 0;
            using (var reader = new BinaryReader(backup)) ReadState(reader);
            throw new InvalidDataException($"{path}: not a checkpoint of this model ({e.Message}); the model is unchanged.", e);
        }
    }

    /// <summary>
    /// Writes the parameters, buffers, optimizer state and any derived state (a discriminator's) to <paramref name="writer"/>,
    /// as <see cref="Save"/> does but into a stream of the caller's (a trainer's checkpoint holds it beside its own state).
    /// </summary>
    public void WriteState(BinaryWriter writer)
    {
        modules.save(writer);
        OptimizerCheckpoint.Save(optimizer, writer);
        SaveExtra(writer);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote, into the live tensors (no rollback: <see cref="Load"/> gives that).</summary>
    public void ReadState(BinaryReader reader)
    {
        modules.load(reader);
        OptimizerCheckpoint.Load(optimizer, reader);
        LoadExtra(reader);
    }

    /// <summary>State of derived models beyond parameters and optimizer (a GAN's discriminator).</summary>
    protected virtual void SaveExtra(BinaryWriter writer)
    {
    }

    /// <summary>Reads what <see cref="SaveExtra"/> wrote.</summary>
    protected virtual void LoadExtra(BinaryReader reader)
    {
    }

    /// <summary>Pixyz's printed form: distributions for training, the loss formula, the optimizer.</summary>
    public override string ToString() =>
        $"Distributions (for training):\n  {string.Join(", ", distributions.Select(d => d.ProbText))}\n" +
        $"Loss function:\n  {Loss}\nOptimizer:\n  {OptimizerText.Describe(optimizer, "  ")}";

    /// <summary>The training objective in LaTeX (what Pixyz's <c>print_latex(model)</c> shows).</summary>
    public string ToLatex() => Loss.ToLatex();

    /// <summary>
    /// Releases what the trainer created, its optimizer and that optimizer's state. The distributions are the
    /// caller's: they stay usable (by another trainer, for sampling) and are disposed by whoever created them.
    /// </summary>
    public void Dispose()
    {
        (optimizer as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Tensor Scalar(Tensor value, Loss loss) => value.numel() == 1
        ? value
        : throw new InvalidOperationException($"The loss {loss} has shape [{string.Join(", ", value.Sizes())}]; reduce it to a scalar with Mean() or Sum() before training.");

    /// <summary>The module that holds every trained distribution (its parameters, state dictionary and train/eval mode).</summary>
    public nn.Module Module => modules;

    /// <summary>The trained distributions under one module, so parameters, state dictionaries and train/eval modes cover them all.</summary>
    private sealed class TrainedModules : nn.Module
    {
        public TrainedModules(IReadOnlyList<Distribution> distributions) : base(nameof(Model))
        {
            for (var i = 0; i < distributions.Count; i++) register_module($"d{i}", distributions[i]);
        }
    }
}
