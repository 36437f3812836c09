using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;
using Module = TorchSharp.torch.nn.Module;

namespace PixyzGen.Runtime.Tests.Training;

/// <summary>Model, ML, VAE and VI: steps lower their losses, clipping bounds updates, checkpoints resume exactly.</summary>
public class ModelTests
{
    /// <summary>q(z|x) and p(x|z) as small networks over 4-dimensional data with a 2-dimensional code.</summary>
    private sealed class Encoder : Normal
    {
        private readonly TorchSharp.Modules.Linear net = nn.Linear(4, 4);

        public Encoder() : base(var: new[] { "z" }, condVar: new[] { "x" }, name: "q") => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs)
        {
            var h = net.call(Require(inputs, "x")).chunk(2, -1);
            return new NormalParams(h[0], nn.functional.softplus(h[1]) + 1e-3);
        }
    }

    private sealed class Decoder : Normal
    {
        private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 4);

        public Decoder() : base(var: new[] { "x" }, condVar: new[] { "z" }) => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs) => new(net.call(Require(inputs, "z")), full(4, 0.5));
    }

    private static Normal Prior() => new(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2 });

    private static Variables Batch(int seed)
    {
        var generator = new Generator((ulong)seed);
        var z = randn(new long[] { 64, 2 }, generator: generator);
        var mixing = tensor(new[] { 1f, 0.5f, -1f, 2f, 0.3f, -0.7f, 1.5f, 0.1f }).reshape(2, 4);
        return new Variables { ["x"] = z.matmul(mixing) + randn(new long[] { 64, 4 }, generator: generator) * 0.1f };
    }

    private static VAE NewVae(int seed, out Encoder q, out Decoder p, bool fused = false)
    {
        manual_seed(seed);
        q = new Encoder();
        p = new Decoder();
        return new VAE(q, p, regularizer: new KullbackLeibler(q, Prior()), optimizer: ps => fused ? new FusedAdam(ps, 1e-2) : optim.Adam(ps, 1e-2));
    }

    /// <summary>FusedAdam records itself as the Adam it is: checkpoints move between the two both ways.</summary>
    [TestCase(false)]
    [TestCase(true)]
    public void A_checkpoint_of_Adam_and_one_of_FusedAdam_load_into_each_other(bool savedFused)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}.ckpt");
        try
        {
            using var original = NewVae(7, out _, out _, fused: savedFused);
            for (var step = 0; step < 10; step++) original.Train(Batch(step));
            original.Save(path);
            manual_seed(99);
            var continued = Enumerable.Range(10, 5).Select(step => original.Train(Batch(step))).ToArray();

            using var restored = NewVae(8, out _, out _, fused: !savedFused);
            restored.Load(path);
            manual_seed(99);
            var resumed = Enumerable.Range(10, 5).Select(step => restored.Train(Batch(step))).ToArray();
            // The moments came across: a fresh optimizer's first steps would differ by far more than rounding.
            Assert.That(resumed, Is.EqualTo(continued).Within(1e-4).Percent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_VAE_lowers_its_loss_and_tests_without_training()
    {
        using var vae = NewVae(1, out var q, out _);
        Assert.That(vae.Loss.ToString(), Is.EqualTo("mean(-E_q(z|x)[log p(x|z)] + KL(q(z|x) || p(z)))"));
        var test = Batch(100);
        var before = vae.Test(test);
        var firstParameter = q.parameters().First().detach().clone();
        Assert.That(vae.Test(test), Is.EqualTo(before).Within(0.5), "Test does not train");
        Assert.That(q.parameters().First().detach().equal(firstParameter).all().item<bool>(), Is.True);
        for (var step = 0; step < 300; step++) vae.Train(Batch(step));
        Assert.That(vae.Test(test), Is.LessThan(before - 1));
    }

    [Test]
    public void Maximum_likelihood_fits_a_Gaussian()
    {
        var location = new LearnedLocation();
        using var ml = new ML(location, optimizer: ps => optim.Adam(ps, 0.05));
        for (var step = 0; step < 300; step++) ml.Train(new Variables { ["x"] = randn(128, 1) + 3 });
        Assert.That(location.Loc.item<float>(), Is.EqualTo(3).Within(0.2));
        Assert.That(ml.ToString(), Does.Contain("Distributions (for training):\n  p(x)").And.Contain("mean(-log p(x))").And.Contain("Adam"));
        Assert.That(ml.ToString(), Does.Contain("Optimizer:\n  Adam (\n  Parameter Group 0\n").And.Contain("LearningRate: 0.05"), "the optimizer's settings, as PyTorch prints them");
        Assert.That(ml.ToLatex(), Is.EqualTo(ml.Loss.ToLatex()));
    }

    private sealed class LearnedLocation : Normal
    {
        private readonly TorchSharp.Modules.Parameter loc = nn.Parameter(zeros(1));

        public LearnedLocation() : base(var: new[] { "x" }) => RegisterComponents();

        public Tensor Loc => loc;

        protected override NormalParams ParamsFor(Variables inputs) => new(loc, ones(1));
    }

    [Test]
    public void A_diverging_step_stops_with_the_step_and_the_term_and_is_never_saved()
    {
        var location = new LearnedLocation();
        using var ml = new ML(location, optimizer: ps => optim.SGD(ps, 1e6));
        var error = Assert.Throws<NonFiniteLossException>(() =>
        {
            for (var step = 0; step < 100; step++) ml.Train(new Variables { ["x"] = randn(16, 1) + 3 });
        });
        Assert.That(error!.Step, Is.GreaterThan(1).And.EqualTo(ml.Steps));
        Assert.That(error.Term, Is.EqualTo("-log p(x)"), "the term inside mean(...) that went non-finite");
        Assert.That(error.Message, Does.Contain($"Step {error.Step}").And.Contain("mean(-log p(x))"));

        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}.ckpt");
        File.WriteAllText(path, "the previous checkpoint");
        try
        {
            if (location.Loc.isfinite().all().item<bool>()) using (no_grad()) location.Loc.fill_(double.NaN);
            var refused = Assert.Throws<InvalidOperationException>(() => ml.Save(path));
            Assert.That(refused!.Message, Does.Contain(path).And.Contain("NaN"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("the previous checkpoint"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_batch_with_a_non_finite_loss_can_be_skipped()
    {
        var location = new LearnedLocation();
        using var ml = new ML(location, optimizer: ps => optim.Adam(ps, 0.05)) { NonFiniteLoss = NonFiniteLossPolicy.SkipBatch };
        ml.Train(new Variables { ["x"] = randn(16, 1) + 3 });
        var before = location.Loc.item<float>();
        var skipped = ml.Train(new Variables { ["x"] = full(16, 1, double.NaN) });
        Assert.That(double.IsNaN(skipped), Is.True);
        Assert.That(location.Loc.item<float>(), Is.EqualTo(before), "a skipped batch changes no parameter");
        Assert.That(ml.SkippedSteps, Is.EqualTo(1));
        ml.Train(new Variables { ["x"] = randn(16, 1) + 3 });
        Assert.That(location.Loc.item<float>(), Is.Not.EqualTo(before));
    }

    [Test]
    public void Variational_inference_raises_the_ELBO()
    {
        manual_seed(5);
        var q = new Encoder();
        var p = new Decoder() * Prior();
        using var vi = new VI(p, q, optimizer: ps => optim.Adam(ps, 1e-2));
        var test = Batch(200);
        var before = vi.Test(test);
        for (var step = 0; step < 300; step++) vi.Train(Batch(step));
        Assert.That(vi.Test(test), Is.LessThan(before - 1));
    }

    [Test]
    public void Gradient_clipping_by_value_bounds_each_update()
    {
        manual_seed(6);
        var q = new Encoder();
        var p = new Decoder();
        using var model = new Model((new StochasticReconstructionLoss(q, p) + new KullbackLeibler(q, Prior())).Mean(),
            optimizer: ps => optim.SGD(ps, 1.0), clipGradValue: 0.01);
        var before = model.Distributions.SelectMany(d => d.parameters()).Select(t => t.detach().clone()).ToArray();
        model.Train(Batch(1));
        var after = model.Distributions.SelectMany(d => d.parameters()).ToArray();
        var largest = before.Zip(after, (b, a) => (a - b).abs().max().item<float>()).Max();
        Assert.That(largest, Is.LessThanOrEqualTo(0.01f + 1e-7f));
        Assert.That(largest, Is.GreaterThan(0));
    }

    [Test]
    public void A_loss_that_is_not_reduced_is_refused_with_the_fix()
    {
        using var vae = new Model(new StochasticReconstructionLoss(new Encoder(), new Decoder()));
        var error = Assert.Throws<InvalidOperationException>(() => vae.Train(Batch(1)));
        Assert.That(error!.Message, Does.Contain("[64]").And.Contain("Mean()"));
    }

    [Test]
    public void Save_then_load_then_train_continues_bit_identically()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}.ckpt");
        try
        {
            using var original = NewVae(7, out var q1, out var p1);
            for (var step = 0; step < 10; step++) original.Train(Batch(step));
            original.Save(path);
            manual_seed(99);
            var continued = Enumerable.Range(10, 5).Select(step => original.Train(Batch(step))).ToArray();

            using var restored = NewVae(8, out var q2, out var p2);   // different initial weights, overwritten by Load
            restored.Load(path);
            manual_seed(99);
            var resumed = Enumerable.Range(10, 5).Select(step => restored.Train(Batch(step))).ToArray();

            Assert.That(resumed, Is.EqualTo(continued));
            var left = q1.parameters().Concat(p1.parameters()).ToArray();
            var right = q2.parameters().Concat(p2.parameters()).ToArray();
            Assert.That(left.Zip(right, (a, b) => a.equal(b).all().item<bool>()).All(same => same), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Tensor[] Snapshot(params Module[] modules) => modules.SelectMany(m => m.parameters()).Select(t => t.detach().clone()).ToArray();

    private static bool Same(Tensor[] before, params Module[] modules) =>
        before.Zip(modules.SelectMany(m => m.parameters()), (a, b) => a.equal(b).all().item<bool>()).All(same => same);

    [TestCase("truncated")]
    [TestCase("trailing bytes")]
    [TestCase("another optimizer")]
    public void A_failed_load_names_the_file_and_changes_nothing(string damage)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}.ckpt");
        try
        {
            using (var source = NewVae(11, out _, out _))
            {
                source.Train(Batch(0));
                source.Save(path);
            }
            var bytes = File.ReadAllBytes(path);
            if (damage == "truncated") File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());
            if (damage == "trailing bytes") File.WriteAllBytes(path, bytes.Concat(new byte[] { 1, 2, 3 }).ToArray());

            manual_seed(12);
            var q = new Encoder();
            var p = new Decoder();
            using var target = damage == "another optimizer"
                ? new VAE(q, p, regularizer: new KullbackLeibler(q, Prior()), optimizer: ps => optim.SGD(ps, 1e-2))
                : new VAE(q, p, regularizer: new KullbackLeibler(q, Prior()), optimizer: ps => optim.Adam(ps, 1e-2));
            target.Train(Batch(1));
            var before = Snapshot(q, p);
            var error = Assert.Throws<InvalidDataException>(() => target.Load(path));
            Assert.That(error!.Message, Does.Contain(path).And.Contain("unchanged"));
            Assert.That(Same(before, q, p), Is.True, "a failed load must leave every parameter as it was");
            // The optimizer state is intact too: training goes on as if Load had not been called.
            Assert.That(double.IsFinite(target.Train(Batch(2))), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_save_that_fails_midway_leaves_the_previous_checkpoint_and_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("pixyzgen-atomic-").FullName;
        var path = Path.Combine(folder, "model.ckpt");
        try
        {
            using var vae = NewVae(13, out _, out _);
            vae.Save(path);
            var good = File.ReadAllBytes(path);
            Assert.Throws<IOException>(() => AtomicFile.Write(path, writer =>
            {
                writer.Write(new byte[4096]);
                throw new IOException("disk full");
            }));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(good));
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
            vae.Load(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Disposing_a_trainer_leaves_the_distributions_it_was_given_usable()
    {
        manual_seed(21);
        var q = new Encoder();
        var p = new Decoder();
        using (var first = new VAE(q, p, regularizer: new KullbackLeibler(q, Prior())))
            first.Train(Batch(0));
        Assert.That(q.parameters().Concat(p.parameters()).All(t => !t.IsInvalid), Is.True, "the trainer must not dispose what it did not create");
        using var second = new VAE(q, p, regularizer: new KullbackLeibler(q, Prior()));
        Assert.That(double.IsFinite(second.Train(Batch(1))), Is.True);
        q.Dispose();
        p.Dispose();
    }

    [Test]
    public void Loading_a_file_that_is_not_a_checkpoint_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-{Guid.NewGuid():N}.ckpt");
        File.WriteAllText(path, "not a checkpoint");
        try
        {
            using var vae = NewVae(9, out _, out _);
            var error = Assert.Throws<InvalidDataException>(() => vae.Load(path));
            Assert.That(error!.Message, Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Training_steps_leave_no_live_tensors()
    {
        using var vae = NewVae(10, out _, out _);
        var data = Batch(0);
        vae.Train(data);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var step = 0; step < 200; step++) vae.Train(data);
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }
}
