using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A loss as an object, composed with algebra the way Pixyz users write objectives:
/// <c>(new KullbackLeibler(q, prior) - new Expectation(q, p.LogProbLoss())).Mean()</c>.
/// <see cref="Eval"/> computes it for the variables given; <see cref="ToString"/> prints the formula in the DSL that
/// <see cref="LossAttribute"/> takes, <see cref="ToLatex"/> in Pixyz's LaTeX.
/// </summary>
public abstract partial class Loss
{
    /// <summary>The variables a caller must give (data, conditioning variables and <see cref="Parameter"/>s).</summary>
    public abstract IReadOnlyList<string> InputVar { get; }

    /// <summary>The distributions whose parameters this loss depends on (a model trains exactly these).</summary>
    public abstract IEnumerable<Distribution> Distributions { get; }

    /// <summary>The value of the loss for <paramref name="inputs"/>: per batch element, or a scalar after <see cref="Mean"/> / <see cref="Sum"/>.</summary>
    public Tensor Eval(Variables inputs) => EvalWithSamples(inputs).Value;

    /// <summary>The value and every variable drawn to compute it.</summary>
    public (Tensor Value, Variables Samples) EvalWithSamples(Variables inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var missing = InputVar.Where(v => !inputs.ContainsKey(v)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"Loss {this}: variables [{string.Join(", ", missing)}] are missing; it needs [{string.Join(", ", InputVar)}] and was given [{string.Join(", ", inputs.Keys)}].");
        // Terms that ask a distribution for its parameters at the same inputs share one forward pass in this evaluation.
        using var forwardPasses = ForwardMemo.Begin();
        return Estimate(inputs);
    }

    /// <summary>Computes the loss; <see cref="EvalWithSamples"/> has checked the inputs.</summary>
    protected internal abstract (Tensor Value, Variables Samples) Estimate(Variables inputs);

    /// <summary>The formula in the DSL of <see cref="LossAttribute"/>: <c>mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])</c>.</summary>
    public abstract override string ToString();

    /// <summary>The formula in LaTeX, as Pixyz prints it.</summary>
    public abstract string ToLatex();

    /// <summary>How tightly the printed form binds, to place parentheses: 0 sum, 1 product, 2 unary, 3 atom.</summary>
    protected internal virtual int Precedence => 3;

    /// <summary>Losses that train something of their own (adversarial discriminators) do one step of it here; others have nothing to train.</summary>
    public virtual double Train(Variables inputs) => 0;

    /// <summary>The value of such a loss's own objective (a discriminator's loss) without training.</summary>
    public virtual double Test(Variables inputs) => 0;

    /// <summary>Loss averaged over the batch (Pixyz's <c>mean()</c>, <see cref="BatchMean"/>).</summary>
    public Loss Mean() => new BatchMean(this);

    /// <summary>Loss summed over the batch (Pixyz's <c>sum()</c>, <see cref="BatchSum"/>).</summary>
    public Loss Sum() => new BatchSum(this);

    /// <summary>
    /// This loss's expectation over draws of <paramref name="p"/> (Pixyz's <c>loss.expectation(p)</c>):
    /// <c>p.LogProbLoss().Expectation(q)</c> is <c>new Expectation(q, p.LogProbLoss())</c>, E_q[log p].
    /// </summary>
    public Loss Expectation(Distribution p, int samples = 1) => new PixyzGen.Expectation(p, this, samples);

    /// <summary>The element-wise sum of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator +(Loss a, Loss b) => new AddLoss(a, b);
    /// <summary>The element-wise difference of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator -(Loss a, Loss b) => new SubLoss(a, b);
    /// <summary>The element-wise product of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator *(Loss a, Loss b) => new MulLoss(a, b);
    /// <summary>The element-wise quotient of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator /(Loss a, Loss b) => new DivLoss(a, b);
    /// <summary>The negation of a loss.</summary>
    public static Loss operator -(Loss a) => new NegLoss(a);

    /// <summary>The element-wise sum of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator +(Loss a, double b) => new AddLoss(a, new ValueLoss(b));
    /// <summary>The element-wise sum of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator +(double a, Loss b) => new AddLoss(new ValueLoss(a), b);
    /// <summary>The element-wise difference of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator -(Loss a, double b) => new SubLoss(a, new ValueLoss(b));
    /// <summary>The element-wise difference of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator -(double a, Loss b) => new SubLoss(new ValueLoss(a), b);
    /// <summary>The element-wise product of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator *(Loss a, double b) => new MulLoss(a, new ValueLoss(b));
    /// <summary>The element-wise product of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator *(double a, Loss b) => new MulLoss(new ValueLoss(a), b);
    /// <summary>The element-wise quotient of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator /(Loss a, double b) => new DivLoss(a, new ValueLoss(b));
    /// <summary>The element-wise quotient of the operands, each evaluated on the same inputs.</summary>
    public static Loss operator /(double a, Loss b) => new DivLoss(new ValueLoss(a), b);

    /// <summary>The element-wise minimum of two losses.</summary>
    public static Loss Min(Loss a, Loss b) => new MinLoss(a, b);

    /// <summary>The element-wise maximum of two losses.</summary>
    public static Loss Max(Loss a, Loss b) => new MaxLoss(a, b);

    /// <summary>The printed form of <paramref name="operand"/>, in parentheses when it binds looser than <paramref name="precedence"/>.</summary>
    protected static string Wrap(Loss operand, int precedence, bool latex = false)
    {
        var text = latex ? operand.ToLatex() : operand.ToString();
        if (operand.Precedence >= precedence) return text;
        return latex ? $"\\left({text}\\right)" : $"({text})";
    }

    /// <summary>The entries of <paramref name="all"/> that are not the caller's: new names, or names whose value was drawn anew.</summary>
    protected static Variables NewIn(Variables all, Variables inputs) =>
        new(all.Where(kv => !inputs.TryGetValue(kv.Key, out var given) || !ReferenceEquals(given, kv.Value)));

    /// <summary>Union of variable lists, first occurrence order.</summary>
    protected static IReadOnlyList<string> Union(params IEnumerable<string>[] lists) => lists.SelectMany(l => l).Distinct().ToArray();
}
