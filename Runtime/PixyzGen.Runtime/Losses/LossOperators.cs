using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>A binary operation on two losses (Pixyz's <c>LossOperator</c>); each side draws its own samples.</summary>
public abstract class LossOperator : Loss
{
    /// <summary>A binary operation on <paramref name="left"/> and <paramref name="right"/>, each evaluated on the same inputs.</summary>
    protected LossOperator(Loss left, Loss right)
    {
        Left = left ?? throw new ArgumentNullException(nameof(left));
        Right = right ?? throw new ArgumentNullException(nameof(right));
    }

    /// <summary>The left operand.</summary>
    public Loss Left { get; }

    /// <summary>The right operand.</summary>
    public Loss Right { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(Left.InputVar, Right.InputVar);

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => Left.Distributions.Concat(Right.Distributions).Distinct();

    // Adversarial terms inside a sum still train their discriminators.
    /// <inheritdoc/>
    public override double Train(Variables inputs) => Left.Train(inputs) + Right.Train(inputs);

    /// <inheritdoc/>
    public override double Test(Variables inputs) => Left.Test(inputs) + Right.Test(inputs);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        // A number takes the other operand's dtype and device, as Python's 0.1 * loss does: a float64 CPU scalar would
        // turn a float32 mean (also 0-dimensional) into float64 and could sit on another device.
        if (Left is ValueLoss leftNumber && Right is not ValueLoss)
        {
            var (value, samples) = Right.Estimate(inputs);
            return (Apply(leftNumber.Like(value), value), samples);
        }
        if (Right is ValueLoss rightNumber && Left is not ValueLoss)
        {
            var (value, samples) = Left.Estimate(inputs);
            return (Apply(value, rightNumber.Like(value)), samples);
        }
        var (left, leftSamples) = Left.Estimate(inputs);
        var (right, rightSamples) = Right.Estimate(inputs);
        return (Apply(left, right), leftSamples.Merge(rightSamples));
    }

    /// <summary>Combines the operands' values.</summary>
    protected abstract Tensor Apply(Tensor left, Tensor right);
}

/// <summary>The sum of two losses.</summary>
public sealed class AddLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected internal override int Precedence => 0;
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => left + right;
    // a + (-b) prints as a - b, as Pixyz prints kl + (-p.log_prob().expectation(q)).
    /// <inheritdoc/>
    public override string ToString() => Right is NegLoss negated ? $"{Wrap(Left, 0)} - {Wrap(negated.Inner, 1)}" : $"{Wrap(Left, 0)} + {Wrap(Right, 1)}";
    /// <inheritdoc/>
    public override string ToLatex() => Right is NegLoss negated ? $"{Wrap(Left, 0, true)} - {Wrap(negated.Inner, 1, true)}" : $"{Wrap(Left, 0, true)} + {Wrap(Right, 1, true)}";
}

/// <summary>The difference of two losses.</summary>
public sealed class SubLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected internal override int Precedence => 0;
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => left - right;
    /// <inheritdoc/>
    public override string ToString() => $"{Wrap(Left, 0)} - {Wrap(Right, 1)}";
    /// <inheritdoc/>
    public override string ToLatex() => $"{Wrap(Left, 0, true)} - {Wrap(Right, 1, true)}";
}

/// <summary>The element-wise product of two losses.</summary>
public sealed class MulLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected internal override int Precedence => 1;
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => left * right;
    /// <inheritdoc/>
    public override string ToString() => $"{Wrap(Left, 1)} * {Wrap(Right, 2)}";
    /// <inheritdoc/>
    // A negation right of a product is parenthesized: "72 - \log p" would read as a difference.
    public override string ToLatex() => $"{Wrap(Left, 1, true)} {Wrap(Right, 3, true)}";
}

/// <summary>The element-wise quotient of two losses.</summary>
public sealed class DivLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected internal override int Precedence => 1;
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => left / right;
    /// <inheritdoc/>
    public override string ToString() => $"{Wrap(Left, 1)} / {Wrap(Right, 2)}";
    /// <inheritdoc/>
    public override string ToLatex() => $"\\frac{{{Left.ToLatex()}}}{{{Right.ToLatex()}}}";
}

/// <summary>The element-wise minimum of two losses.</summary>
public sealed class MinLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => minimum(left, right);
    /// <inheritdoc/>
    public override string ToString() => $"min({Left}, {Right})";
    /// <inheritdoc/>
    public override string ToLatex() => $"\\min \\left({Left.ToLatex()}, {Right.ToLatex()}\\right)";
}

/// <summary>The element-wise maximum of two losses.</summary>
public sealed class MaxLoss(Loss left, Loss right) : LossOperator(left, right)
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor left, Tensor right) => maximum(left, right);
    /// <inheritdoc/>
    public override string ToString() => $"max({Left}, {Right})";
    /// <inheritdoc/>
    public override string ToLatex() => $"\\max \\left({Left.ToLatex()}, {Right.ToLatex()}\\right)";
}

/// <summary>An operation on one loss (Pixyz's <c>LossSelfOperator</c>).</summary>
public abstract class LossSelfOperator : Loss
{
    /// <summary>An operation on one loss, <paramref name="inner"/>.</summary>
    protected LossSelfOperator(Loss inner) => Inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The loss evaluated at the draws (or wrapped by this operation).</summary>
    public Loss Inner { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Inner.InputVar;

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => Inner.Distributions;

    /// <inheritdoc/>
    public override double Train(Variables inputs) => Inner.Train(inputs);

    /// <inheritdoc/>
    public override double Test(Variables inputs) => Inner.Test(inputs);

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var (value, samples) = Inner.Estimate(inputs);
        return (Apply(value), samples);
    }

    /// <summary>Transforms the operand's value.</summary>
    protected abstract Tensor Apply(Tensor value);
}

/// <summary>The negation of a loss.</summary>
public sealed class NegLoss(Loss inner) : LossSelfOperator(inner)
{
    /// <inheritdoc/>
    protected internal override int Precedence => 2;
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor value) => -value;
    /// <inheritdoc/>
    public override string ToString() => $"-{Wrap(Inner, 2)}";
    /// <inheritdoc/>
    public override string ToLatex() => $"- {Wrap(Inner, 2, true)}";
}

/// <summary>The loss averaged over the batch: (1/N) sum_i L(x_i).</summary>
public sealed class BatchMean(Loss inner) : LossSelfOperator(inner)
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor value) => value.mean();
    /// <inheritdoc/>
    public override string ToString() => $"mean({Inner})";
    /// <inheritdoc/>
    public override string ToLatex() => $"mean \\left({Inner.ToLatex()} \\right)";
}

/// <summary>The loss summed over the batch: sum_i L(x_i).</summary>
public sealed class BatchSum(Loss inner) : LossSelfOperator(inner)
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor value) => value.sum();
    /// <inheritdoc/>
    public override string ToString() => $"sum({Inner})";
    /// <inheritdoc/>
    public override string ToLatex() => $"sum \\left({Inner.ToLatex()} \\right)";
}

/// <summary>A constant, from arithmetic with numbers (<c>0.5 * loss</c>).</summary>
public sealed class ValueLoss(double value) : Loss
{
    /// <summary>The constant.</summary>
    public double Value { get; } = value;
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Array.Empty<string>();
    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => Array.Empty<Distribution>();
    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (tensor(Value, get_default_dtype()), Variables.Empty);

    /// <summary>The constant as a scalar of <paramref name="other"/>'s (floating) dtype, on its device.</summary>
    internal Tensor Like(Tensor other) => tensor(Value, other.is_floating_point() ? other.dtype : get_default_dtype(), other.device);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    /// <inheritdoc/>
    public override string ToLatex() => ToString();
}

/// <summary>
/// A value given at evaluation under a name, e.g. an annealed KL weight: <c>new Parameter("beta") * kl</c> with
/// <c>["beta"] = tensor(0.5)</c> in the inputs.
/// </summary>
public sealed class Parameter : Loss
{
    /// <summary>The value of the input variable <paramref name="name"/> as a loss (a hyper-parameter given with the data, as Pixyz's Parameter).</summary>
    public Parameter(string name) => Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A parameter needs a name.", nameof(name)) : name;

    /// <summary>The parameter's name in the inputs.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => new[] { Name };

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => Array.Empty<Distribution>();

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (inputs[Name], Variables.Empty);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <inheritdoc/>
    public override string ToLatex() => Latex.Symbol(Name);
}
