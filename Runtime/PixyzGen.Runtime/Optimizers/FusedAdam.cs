using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchParameter = TorchSharp.Modules.Parameter;

namespace PixyzGen;

/// <summary>
/// TorchSharp's <see cref="Adam"/> (same options, state, checkpoints and learning-rate schedulers) whose step runs
/// libtorch's fused Adam kernel (<c>aten::_fused_adam_</c>, PyTorch's <c>Adam(fused=True)</c>): one pass over each
/// parameter instead of eight element-wise operations, reached through TorchScript because TorchSharp does not bind it.
/// Parameters the kernel is not given (sparse or non-contiguous gradients, dtypes other than float32 and float64, a group
/// spread over devices) and a libtorch without the kernel get TorchSharp's own step, which computes the same update.
/// Whether libtorch has the kernel is read from the operators it exports (<see cref="NativeOperators"/>) before any
/// script is compiled: a script naming an unknown operator would abort the process, not throw.
/// </summary>
public sealed class FusedAdam : Adam
{
    // _fused_adam_ expects the step counts already incremented, as PyTorch's fused path does before calling it.
    private const string Script = @"
def adam_step(params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], max_exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, weight_decay: float, eps: float, amsgrad: bool, maximize: bool):
    torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=amsgrad, maximize=maximize)
";

    /// <summary>The operator the kernel is, as libtorch declares it (aten::_fused_adam_).</summary>
    internal const string Operator = "_fused_adam_";

    private static readonly Lazy<jit.CompilationUnit?> SharedKernel = new(() => NativeOperators.Exists(Operator) ? Compile() : null);

    private jit.CompilationUnit? kernel;

    /// <inheritdoc cref="Adam(IEnumerable{TorchParameter}, double, double, double, double, double, bool, bool)"/>
    public FusedAdam(IEnumerable<TorchParameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, useKernel: true)
    {
    }

    /// <summary>As the public constructor; <paramref name="useKernel"/> false takes the path of a libtorch without the kernel.</summary>
    internal FusedAdam(IEnumerable<TorchParameter> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize, bool useKernel)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
        kernel = useKernel ? SharedKernel.Value : null;
    }

    /// <summary>Whether this libtorch has the fused kernel (otherwise every step is TorchSharp's).</summary>
    public static bool IsAvailable => SharedKernel.Value is not null;

    /// <summary>Whether this optimizer's steps run the fused kernel (false after the kernel refused a step: TorchSharp's from then on).</summary>
    public bool IsFused => kernel is not null;

    /// <inheritdoc/>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (kernel is null) return base.step(closure);
        // The closure first: it makes the gradients that decide whether the kernel can take them.
        Tensor? loss = null;
        if (closure is not null)
            using (enable_grad())
                loss = closure();
        using (no_grad())
        using (NewDisposeScope())   // each grad read is a new handle
        {
            var groups = _parameter_groups.Select(g => (Group: g, Gradients: g.Parameters.Select(p => (Parameter: p, Gradient: p.grad)).ToList())).ToList();
            if (!Fusable(groups.SelectMany(g => g.Gradients).ToList()))
            {
                base.step();
            }
            else
            {
                for (var i = 0; i < groups.Count; i++)
                {
                    if (StepGroup(kernel, groups[i].Group, groups[i].Gradients)) continue;
                    // The kernel is declared but refused the call (no kernel for this device in this libtorch): nothing
                    // was updated, since every group is on the same device and this was the first to try.
                    if (i > 0) throw new InvalidOperationException("libtorch's fused Adam kernel refused a parameter group after taking another on the same device.");
                    kernel = null;
                    base.step();
                    break;
                }
            }
        }
        return loss!;
    }

    // One kernel call for the group; false, with the step counts as they were, when libtorch refuses it.
    private bool StepGroup(jit.CompilationUnit kernel, TorchSharp.Modules.ParamGroup group, List<(TorchParameter Parameter, Tensor? Gradient)> gradients)
    {
        var options = (Options)group.Options;
        var updated = new List<(TorchParameter Parameter, Tensor Gradient, State State)>();
        foreach (var (parameter, gradient) in gradients)
        {
            if (gradient is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step += 1;
            updated.Add((parameter, gradient, state));
        }
        if (updated.Count == 0) return true;
        // One step-count tensor per distinct count (the kernel only reads them).
        var counts = new Dictionary<long, Tensor>();
        Tensor Count(State s, Tensor like) => counts.TryGetValue(s.step, out var t) ? t : counts[s.step] = tensor((float)s.step, device: like.device);
        var amsgrad = options.amsgrad!.Value;
        try
        {
            Invoke(kernel, options, amsgrad, updated, Count);
            return true;
        }
        catch (ExternalException)
        {
            foreach (var (_, _, state) in updated) state.step -= 1;
            return false;
        }
    }

    private static void Invoke(jit.CompilationUnit kernel, Options options, bool amsgrad, List<(TorchParameter Parameter, Tensor Gradient, State State)> updated, Func<State, Tensor, Tensor> Count) =>
        kernel.invoke("adam_step",
            updated.Select(u => (Tensor)u.Parameter).ToArray(),
            updated.Select(u => u.Gradient).ToArray(),
            updated.Select(u => u.State.exp_avg).ToArray(),
            updated.Select(u => u.State.exp_avg_sq).ToArray(),
            amsgrad ? updated.Select(u => u.State.max_exp_avg_sq ??= zeros_like(u.State.exp_avg_sq).DetachFromDisposeScope()).ToArray() : Array.Empty<Tensor>(),
            updated.Select(u => Count(u.State, u.Parameter)).ToArray(),
            options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.weight_decay!.Value, options.eps!.Value,
            amsgrad, options.maximize!.Value);

    // The kernel takes all the optimizer's tensors group by group: one device, float32 or float64 (the dtypes the kernel
    // takes on every device; half precision keeps TorchSharp's step), contiguous dense tensors.
    private static bool Fusable(List<(TorchParameter Parameter, Tensor? Gradient)> gradients) =>
        gradients.Select(g => g.Parameter.device.ToString()).Distinct().Count() <= 1
        && gradients.All(g => g.Gradient is null
            || (g.Parameter.dtype is ScalarType.Float32 or ScalarType.Float64 && g.Parameter.is_contiguous()
                && !g.Gradient.is_sparse && g.Gradient.is_contiguous() && g.Gradient.dtype == g.Parameter.dtype));

    private static jit.CompilationUnit? Compile()
    {
        try
        {
            return jit.compile(Script);
        }
        catch (Exception e) when (e is ExternalException or InvalidOperationException)
        {
            return null;   // a libtorch without aten::_fused_adam_: TorchSharp's step, the same update
        }
    }
}
