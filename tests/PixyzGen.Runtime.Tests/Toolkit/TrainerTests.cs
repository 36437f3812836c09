using System;
using System.IO;
using System.Linq;
using System.Threading;
using PixyzGen.Datasets;
using PixyzGen.Runtime.Tests.Models;
using PixyzGen.Training;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Toolkit;

/// <summary>The epoch loop: history, test loss, schedulers, non-finite policy, and a stopped run that resumes to the parameters of one never stopped.</summary>
public class TrainerTests : TemporaryFolderTest
{
    private static InMemoryDataset Data(int rows, int seed)
    {
        var generator = new Generator((ulong)seed);
        return new InMemoryDataset(("x", rand(new long[] { rows, 6 }, generator: generator).gt(0.5).to(ScalarType.Float32)));
    }

    // A generated VAE with dropout-free networks, Adam, a StepLR schedule and clipping: every piece of state a resume must restore.
    private sealed class Run : IDisposable
    {
        public readonly SmallVae Model;
        public readonly Trainer Trainer;

        public Run(TrainerOptions options)
        {
            manual_seed(11);
            Model = new SmallVae();
            var optimizer = new FusedAdam(Model.parameters(), 0.01);
            Trainer = new Trainer(Objective.Of(Model, optimizer, batch => Model.Loss(batch["x"]), clipGradNorm: 5), options with
            {
                Progress = ProgressStyle.None,
                Scheduler = o => optim.lr_scheduler.StepLR(o, step_size: 2, gamma: 0.5),
            });
        }

        public float[] Parameters() => Model.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();

        public void Dispose() => Model.Dispose();
    }

    [Test]
    public void A_run_stopped_mid_epoch_resumes_to_the_parameters_of_an_uninterrupted_run()
    {
        using var train = Data(90, 1);
        using var test = Data(20, 2);
        using var trainBatches = new Batches(train, 16, shuffle: true, seed: 5, prefetch: 2);
        using var testBatches = new Batches(test, 7);
        var checkpoint = Path.Combine(Folder, "run.ckpt");
        var options = new TrainerOptions { Epochs = 4, Checkpoint = checkpoint, Resume = true };

        using var whole = new Run(options with { Checkpoint = null });
        var expected = whole.Trainer.Fit(trainBatches, testBatches);

        using (var first = new Run(options))
        {
            using var stop = new CancellationTokenSource();
            first.Trainer.StepCompleted += step => { if (step.Step == 9) stop.Cancel(); };   // epoch 2, step 3 (6 batches an epoch)
            var stopped = first.Trainer.Fit(trainBatches, testBatches, stop.Token);
            Assert.That(stopped.Stopped, Is.True);
            Assert.That(stopped.History.StepLosses, Has.Count.EqualTo(9));
        }
        manual_seed(12345);   // whatever the generator did since, the checkpoint's state is restored
        using var resumed = new Run(options);
        var result = resumed.Trainer.Fit(trainBatches, testBatches);

        Assert.That(result.Stopped, Is.False);
        Assert.That(resumed.Parameters(), Is.EqualTo(whole.Parameters()), "bit for bit");
        Assert.That(result.History.StepLosses, Is.EqualTo(expected.History.StepLosses));
        Assert.That(result.History.Epochs, Is.EqualTo(expected.History.Epochs));
        Assert.That(result.History.Epochs.Select(e => e.LearningRate), Is.EqualTo(new[] { 0.01, 0.005, 0.005, 0.0025 }), "the schedule resumed too (its epoch count, not only the rate)");
    }

    [Test]
    public void Each_epoch_reports_its_mean_train_loss_and_the_row_weighted_test_loss()
    {
        using var train = Data(40, 1);
        using var test = Data(10, 2);
        using var trainBatches = new Batches(train, 16);
        using var testBatches = new Batches(test, 4);
        using var run = new Run(new TrainerOptions { Epochs = 2 });
        var epochs = new System.Collections.Generic.List<EpochSummary>();
        run.Trainer.EpochCompleted += epochs.Add;
        var result = run.Trainer.Fit(trainBatches, testBatches);
        Assert.That(result.History.StepLosses, Has.Count.EqualTo(6));
        Assert.That(epochs, Is.EqualTo(result.History.Epochs));
        Assert.That(epochs[1].TrainLoss, Is.EqualTo(result.History.StepLosses.Skip(3).Average()).Within(1e-12));
        // The test loss by hand: the model's loss over the whole test set at once (one draw each; same seed, same draws).
        manual_seed(99);
        var byTrainer = run.Trainer.Evaluate(testBatches);
        manual_seed(99);
        run.Model.eval();
        using var noGrad = no_grad();
        var batches = new[] { 4L, 4, 2 }.Select((n, i) => run.Model.Loss(test["x"].narrow(0, 4 * i, n)).item<float>() * n).Sum() / 10;
        Assert.That(byTrainer, Is.EqualTo(batches).Within(1e-6));
    }

    [Test]
    public void A_non_finite_loss_names_its_step_or_is_skipped()
    {
        using var train = Data(32, 1);
        using var batches = new Batches(train, 8);
        manual_seed(1);
        using var model = new SmallVae();
        var optimizer = new FusedAdam(model.parameters(), 0.01);
        var calls = 0;
        Tensor Loss(Variables batch) => ++calls == 3 ? model.Loss(batch["x"]) * double.NaN : model.Loss(batch["x"]);
        var throwing = new Trainer(Objective.Of(model, optimizer, Loss), new TrainerOptions { Epochs = 1, Progress = ProgressStyle.None });
        var error = Assert.Throws<NonFiniteLossException>(() => throwing.Fit(batches))!;
        Assert.That(error.Step, Is.EqualTo(3));
        Assert.That(error.Message, Does.StartWith("Step 3: the loss of ").And.Contain(" is NaN. Lower the learning rate"));

        calls = 0;
        var skipping = new Trainer(Objective.Of(model, optimizer, Loss), new TrainerOptions { Epochs = 1, Progress = ProgressStyle.None, NonFiniteLoss = NonFiniteLossPolicy.SkipBatch });
        var result = skipping.Fit(batches);
        Assert.That(result.History.SkippedSteps, Is.EqualTo(1));
        Assert.That(result.History.Epochs[0].TrainLoss, Is.EqualTo(result.History.StepLosses.Where(double.IsFinite).Average()));
        Assert.That(model.parameters().All(p => p.isfinite().all().item<bool>()), Is.True);
    }

    [Test]
    public void A_checkpoint_that_cannot_be_read_changes_nothing_and_names_the_file()
    {
        using var train = Data(32, 1);
        using var batches = new Batches(train, 8);
        var checkpoint = Path.Combine(Folder, "run.ckpt");
        using (var first = new Run(new TrainerOptions { Epochs = 1, Checkpoint = checkpoint })) first.Trainer.Fit(batches);
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..^10]);
        using var second = new Run(new TrainerOptions { Epochs = 2, Checkpoint = checkpoint, Resume = true });
        var before = second.Parameters();
        var rng = random.get_rng_state().data<byte>().ToArray();
        var error = Assert.Throws<InvalidDataException>(() => second.Trainer.Fit(batches))!;
        Assert.That(error.Message, Does.StartWith($"{checkpoint}: cannot resume from it"));
        Assert.That(second.Parameters(), Is.EqualTo(before));
        Assert.That(second.Trainer.Options.Scheduler, Is.Not.Null);
        Assert.That(random.get_rng_state().data<byte>().ToArray(), Is.EqualTo(rng));

        File.WriteAllBytes(checkpoint, bytes);
        using var other = new Batches(train, 4);
        Assert.That(Assert.Throws<InvalidDataException>(() => second.Trainer.Fit(other))!.Message,
            Does.Contain("written for 32 training rows in batches of 8; this run has 32 rows in batches of 4"));
    }

    [Test]
    public void A_checkpoint_of_non_finite_parameters_is_refused_and_the_previous_one_kept()
    {
        using var train = Data(16, 1);
        using var batches = new Batches(train, 8);
        var checkpoint = Path.Combine(Folder, "run.ckpt");
        using var run = new Run(new TrainerOptions { Epochs = 1, Checkpoint = checkpoint });
        run.Trainer.Fit(batches);
        var good = File.ReadAllBytes(checkpoint);
        using var again = new Run(new TrainerOptions { Epochs = 1, Checkpoint = checkpoint });
        using (no_grad()) again.Model.parameters().First().fill_(double.NaN);
        var error = Assert.Throws<InvalidOperationException>(() => again.Trainer.Fit(batches, cancel: new CancellationToken(canceled: true)))!;
        Assert.That(error.Message, Does.StartWith($"Refusing to write {checkpoint}: parameter 'Q.Net.weight' holds NaN or infinite values"));
        Assert.That(File.ReadAllBytes(checkpoint), Is.EqualTo(good));
    }

    [Test]
    public void Pixyz_models_train_through_the_same_loop()
    {
        using var train = Data(24, 1);
        using var batches = new Batches(train, 8);
        manual_seed(3);
        using var vae = new SmallVae();
        var loss = (new KullbackLeibler(vae.Q, vae.Pz) - new Expectation(vae.Q, new LogProb(vae.P))).Mean();
        using var model = new Model(loss);
        var result = new Trainer(Objective.Of(model), new TrainerOptions { Epochs = 2, Progress = ProgressStyle.None }).Fit(batches, batches);
        Assert.That(result.History.StepLosses, Has.Count.EqualTo(6));
        Assert.That(result.History.Epochs.Select(e => e.TestLoss), Has.All.Matches<double>(double.IsFinite));
    }
}
