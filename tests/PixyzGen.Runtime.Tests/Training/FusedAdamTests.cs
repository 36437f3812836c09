using System;
using System.IO;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Training;

/// <summary>
/// FusedAdam against TorchSharp's Adam on a least-squares problem with fixed data (no sampling, so two optimizers
/// that compute the same update stay together step after step): same parameters, same state, same checkpoints.
/// </summary>
public class FusedAdamTests
{
    private sealed class Regression : nn.Module
    {
        public readonly Linear Hidden = nn.Linear(6, 16);
        public readonly Linear Output = nn.Linear(16, 3);

        public Regression() : base(nameof(Regression)) => RegisterComponents();

        public Tensor Loss(Tensor x, Tensor y) => (Output.call(Hidden.call(x).tanh()) - y).pow(2).mean();
    }

    private static (Regression Model, Tensor X, Tensor Y) Problem(long seed)
    {
        manual_seed(seed);
        return (new Regression(), randn(64, 6), randn(64, 3));
    }

    private static void Train(Regression model, optim.Optimizer optimizer, Tensor x, Tensor y, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.Loss(x, y).backward();
            optimizer.step();
        }
    }

    private static float LargestDifference(nn.Module a, nn.Module b) =>
        a.parameters().Zip(b.parameters()).Max(pair => (pair.First - pair.Second).abs().max().item<float>());

    [Test]
    public void The_fused_kernel_is_there()
    {
        Assert.That(NativeOperators.Exists(FusedAdam.Operator), Is.True, "libtorch 2.10 exports aten::_fused_adam_'s entry point");
        Assert.That(FusedAdam.IsAvailable, Is.True, "libtorch 2.10's aten::_fused_adam_ compiles through TorchScript");
        using var optimizer = new FusedAdam(Problem(1).Model.parameters());
        Assert.That(optimizer.IsFused, Is.True);
    }

    /// <summary>
    /// The lookup that decides whether a script may be compiled: an operator libtorch lacks is answered "no" from its
    /// exported names (compiling a script that named it would abort the process, so only the lookup may be asked).
    /// </summary>
    [Test]
    public void The_operator_lookup_tells_declared_operators_from_unknown_ones()
    {
        Assert.That(NativeOperators.Exists("addmm"), Is.True);
        Assert.That(NativeOperators.Exists("_fused_adamw_"), Is.True);
        Assert.That(NativeOperators.Exists("_fused_ada"), Is.False, "a prefix of a declared name is not declared");
        Assert.That(NativeOperators.Exists("pixyzgen_no_such_op_"), Is.False);
        var notElf = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notElf, "not a library");
            Assert.That(NativeOperators.Declares(notElf, "addmm"), Is.False, "an unreadable library declares nothing");
        }
        finally
        {
            File.Delete(notElf);
        }
    }

    /// <summary>A libtorch without the kernel (the path forced here): every step is TorchSharp's Adam, to the bit.</summary>
    [Test]
    public void Without_the_kernel_every_step_is_TorchSharps_Adam()
    {
        var (reference, x, y) = Problem(6);
        var (fallback, _, _) = Problem(6);
        using var adam = new Adam(reference.parameters(), 1e-2, amsgrad: true);
        using var optimizer = new FusedAdam(fallback.parameters(), 1e-2, 0.9, 0.999, 1e-8, 0, amsgrad: true, maximize: false, useKernel: false);
        Assert.That(optimizer.IsFused, Is.False);
        Train(reference, adam, x, y, 50);
        Train(fallback, optimizer, x, y, 50);
        Assert.That(LargestDifference(reference, fallback), Is.EqualTo(0f));
        Assert.That(optimizer.state_dict().State.Cast<Adam.State>().Select(s => s.step), Is.All.EqualTo(50));
    }

    [TestCase(0.0, false, false)]
    [TestCase(0.01, false, false)]
    [TestCase(0.0, true, false)]
    [TestCase(0.0, false, true)]
    public void Its_steps_are_Adams(double weightDecay, bool amsgrad, bool maximize)
    {
        var (reference, x, y) = Problem(3);
        var (fused, _, _) = Problem(3);
        using var adam = new Adam(reference.parameters(), 1e-2, weight_decay: weightDecay, amsgrad: amsgrad, maximize: maximize);
        using var fusedAdam = new FusedAdam(fused.parameters(), 1e-2, weight_decay: weightDecay, amsgrad: amsgrad, maximize: maximize);
        Train(reference, adam, x, y, 200);
        Train(fused, fusedAdam, x, y, 200);
        // Rounding differs (one fused pass against eight operations): within 1e-5 of the largest parameter.
        var scale = reference.parameters().Max(p => p.abs().max().item<float>());
        Assert.That(LargestDifference(reference, fused), Is.LessThan(1e-5 * scale));
        var moved = reference.parameters().Zip(Problem(3).Model.parameters()).Max(pair => (pair.First - pair.Second).abs().max().item<float>());
        Assert.That(moved, Is.GreaterThan(0.1), "the parameters moved (the comparison is not of two idle optimizers)");
        var states = ((Adam)adam).state_dict().State.Cast<Adam.State>().Zip(fusedAdam.state_dict().State.Cast<Adam.State>());
        foreach (var (a, b) in states)
        {
            Assert.That(b.step, Is.EqualTo(a.step));
            Assert.That((a.exp_avg_sq - b.exp_avg_sq).abs().max().item<float>(), Is.LessThanOrEqualTo(1e-5 * a.exp_avg_sq.abs().max().item<float>()));
        }
    }

    /// <summary>The kernel takes contiguous tensors: a transposed parameter gets TorchSharp's step, with the same result.</summary>
    [Test]
    public void A_parameter_the_kernel_cannot_take_gets_Adams_step()
    {
        manual_seed(8);
        var initial = randn(3, 5);
        var target = randn(5, 3);
        var weights = new[] { new TorchSharp.Modules.Parameter(initial.clone().t()), new TorchSharp.Modules.Parameter(initial.clone().t()) };
        Assert.That(weights[1].is_contiguous(), Is.False);
        using var adam = new Adam(new[] { weights[0] }, 1e-2);
        using var fused = new FusedAdam(new[] { weights[1] }, 1e-2);
        foreach (var (weight, optimizer) in new (TorchSharp.Modules.Parameter, optim.Optimizer)[] { (weights[0], adam), (weights[1], fused) })
            for (var i = 0; i < 20; i++)
            {
                optimizer.zero_grad();
                (weight - target).pow(2).sum().backward();
                optimizer.step();
            }
        Assert.That(weights[1].allclose(weights[0], 0, 0), Is.True, "the fallback is TorchSharp's own step");
        Assert.That((weights[1] - initial.t()).abs().max().item<float>(), Is.GreaterThan(0.1f));
    }

    /// <summary>With a closure, the gradients it makes are the ones stepped (and the loss it returns is returned).</summary>
    [Test]
    public void A_step_given_a_closure_is_Adams()
    {
        var (reference, x, y) = Problem(9);
        var (fused, _, _) = Problem(9);
        using var adam = new Adam(reference.parameters(), 1e-2);
        using var fusedAdam = new FusedAdam(fused.parameters(), 1e-2);
        foreach (var (model, optimizer) in new (Regression, optim.Optimizer)[] { (reference, adam), (fused, fusedAdam) })
            for (var i = 0; i < 30; i++)
            {
                using var scope = NewDisposeScope();
                var loss = optimizer.step(() =>
                {
                    optimizer.zero_grad();
                    var value = model.Loss(x, y);
                    value.backward();
                    return value;
                });
                Assert.That(loss, Is.Not.Null);
            }
        var scale = reference.parameters().Max(p => p.abs().max().item<float>());
        Assert.That(LargestDifference(reference, fused), Is.LessThan(1e-5 * scale));
        Assert.That(reference.parameters().Zip(Problem(9).Model.parameters()).Max(pair => (pair.First - pair.Second).abs().max().item<float>()), Is.GreaterThan(0.05));
    }

    [Test]
    public void A_parameter_without_a_gradient_is_left_alone()
    {
        var (model, x, y) = Problem(4);
        using var optimizer = new FusedAdam(model.parameters(), 1e-2);
        var frozen = model.Output.bias!.detach().clone();
        model.Output.bias!.requires_grad_(false);
        Train(model, optimizer, x, y, 5);
        Assert.That(model.Output.bias!.allclose(frozen, 0, 0), Is.True);
        var steps = optimizer.state_dict().State.Cast<Adam.State>().Select(s => s.step).ToArray();
        Assert.That(steps, Is.EqualTo(new long[] { 5, 5, 5, 0 }));
    }

    [Test]
    public void A_checkpointed_optimizer_continues_as_the_uninterrupted_one()
    {
        var (straight, x, y) = Problem(5);
        using var straightOptimizer = new FusedAdam(straight.parameters(), 1e-2);
        Train(straight, straightOptimizer, x, y, 40);

        var (resumed, _, _) = Problem(5);
        using var first = new FusedAdam(resumed.parameters(), 1e-2);
        Train(resumed, first, x, y, 20);
        using var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) first.save_state_dict(writer);
        saved.Position = 0;
        using var second = new FusedAdam(resumed.parameters(), 1e-2);
        using (var reader = new BinaryReader(saved)) second.load_state_dict(reader);
        Train(resumed, second, x, y, 20);
        Assert.That(LargestDifference(straight, resumed), Is.LessThan(1e-6));
    }

    [Test]
    public void A_learning_rate_set_by_a_scheduler_is_used()
    {
        var (model, x, y) = Problem(6);
        using var optimizer = new FusedAdam(model.parameters(), 1e-2);
        Train(model, optimizer, x, y, 3);
        var before = model.parameters().Select(p => p.detach().clone()).ToArray();
        optimizer.ParamGroups.First().LearningRate = 0;
        Train(model, optimizer, x, y, 3);
        Assert.That(model.parameters().Zip(before).All(pair => pair.First.allclose(pair.Second, 0, 0)), Is.True);
    }
}
