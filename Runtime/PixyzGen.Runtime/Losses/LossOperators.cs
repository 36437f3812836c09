using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>A binary operation on two losses (Pixyz's <c>LossOperator</c>); each side draws its own samples.</summary>
public abstract class LossOperator : Loss
{
    protected LossOperator(Loss left, Loss right)
    {
        Left = left ?? throw new ArgumentNullException(nameof(left));
        Right = right ?? throw new ArgumentNullException(nameof(right));
    }

    public Loss Left { get; }

    public Loss Right { get; }

    public override IReadOnlyList<string> InputVar => Union(Left.InputVar, Right.InputVar);

    public override IEnumerable<Distribution> Distributions => Left.Distributions.Concat(Right.Distributions).Distinct();

    // Adversarial terms inside a sum still train their discriminators.
    public override double Train(Variables inputs) => Left.Train(inputs) + Right.Train(inputs);

    public override double Test(Variables inputs) => Left.Test(inputs) + Right.Test(inputs);

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var (left, leftSamples) = Left.Estimate(inputs);
        var (right, rightSamples) = Right.Estimate(inputs);
        return (Apply(left, right), leftSamples.Merge(rightSamples));
    }

    protected abstract Tensor Apply(Tensor left, Tensor right);
}

public sealed class AddLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected internal override int Precedence => 0;
    protected override Tensor Apply(Tensor left, Tensor right) => left + right;
    public override string ToString() => $"{Wrap(Left, 0)} + {Wrap(Right, 1)}";
    public override string ToLatex() => $"{Wrap(Left, 0, true)} + {Wrap(Right, 1, true)}";
}

public sealed class SubLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected internal override int Precedence => 0;
    protected override Tensor Apply(Tensor left, Tensor right) => left - right;
    public override string ToString() => $"{Wrap(Left, 0)} - {Wrap(Right, 1)}";
    public override string ToLatex() => $"{Wrap(Left, 0, true)} - {Wrap(Right, 1, true)}";
}

public sealed class MulLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected internal override int Precedence => 1;
    protected override Tensor Apply(Tensor left, Tensor right) => left * right;
    public override string ToString() => $"{Wrap(Left, 1)} * {Wrap(Right, 2)}";
    public override string ToLatex() => $"{Wrap(Left, 1, true)} {Wrap(Right, 2, true)}";
}

public sealed class DivLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected internal override int Precedence => 1;
    protected override Tensor Apply(Tensor left, Tensor right) => left / right;
    public override string ToString() => $"{Wrap(Left, 1)} / {Wrap(Right, 2)}";
    public override string ToLatex() => $"\\frac{{{Left.ToLatex()}}}{{{Right.ToLatex()}}}";
}

public sealed class MinLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected override Tensor Apply(Tensor left, Tensor right) => minimum(left, right);
    public override string ToString() => $"min({Left}, {Right})";
    public override string ToLatex() => $"\\min \\left({Left.ToLatex()}, {Right.ToLatex()}\\right)";
}

public sealed class MaxLoss(Loss left, Loss right) : LossOperator(left, right)
{
    protected override Tensor Apply(Tensor left, Tensor right) => maximum(left, right);
    public override string ToString() => $"max({Left}, {Right})";
    public override string ToLatex() => $"\\max \\left({Left.ToLatex()}, {Right.ToLatex()}\\right)";
}

/// <summary>An operation on one loss (Pixyz's <c>LossSelfOperator</c>).</summary>
public abstract class LossSelfOperator : Loss
{
    protected LossSelfOperator(Loss inner) => Inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public Loss Inner { get; }

    public override IReadOnlyList<string> InputVar => Inner.InputVar;

    public override IEnumerable<Distribution> Distributions => Inner.Distributions;

    public override double Train(Variables inputs) => Inner.Train(inputs);

    public override double Test(Variables inputs) => Inner.Test(inputs);

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var (value, samples) = Inner.Estimate(inputs);
        return (Apply(value), samples);
    }

    protected abstract Tensor Apply(Tensor value);
}

public sealed class NegLoss(Loss inner) : LossSelfOperator(inner)
{
    protected internal override int Precedence => 2;
    protected override Tensor Apply(Tensor value) => -value;
    public override string ToString() => $"-{Wrap(Inner, 2)}";
    public override string ToLatex() => $"- {Wrap(Inner, 2, true)}";
}

/// <summary>The loss averaged over the batch: (1/N) sum_i L(x_i).</summary>
public sealed class BatchMean(Loss inner) : LossSelfOperator(inner)
{
    protected override Tensor Apply(Tensor value) => value.mean();
    public override string ToString() => $"mean({Inner})";
    public override string ToLatex() => $"mean \\left({Inner.ToLatex()} \\right)";
}

/// <summary>The loss summed over the batch: sum_i L(x_i).</summary>
public sealed class BatchSum(Loss inner) : LossSelfOperator(inner)
{
    protected override Tensor Apply(Tensor value) => value.sum();
    public override string ToString() => $"sum({Inner})";
    public override string ToLatex() => $"sum \\left({Inner.ToLatex()} \\right)";
}

/// <summary>A constant, from arithmetic with numbers (<c>0.5 * loss</c>).</summary>
public sealed class ValueLoss(double value) : Loss
{
    public double Value { get; } = value;
    public override IReadOnlyList<string> InputVar => Array.Empty<string>();
    public override IEnumerable<Distribution> Distributions => Array.Empty<Distribution>();
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (tensor(Value), Variables.Empty);
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    public override string ToLatex() => ToString();
}

/// <summary>
/// A value given at evaluation under a name, e.g. an annealed KL weight: <c>new Parameter("beta") * kl</c> with
/// <c>["beta"] = tensor(0.5)</c> in the inputs.
/// </summary>
public sealed class Parameter : Loss
{
    public Parameter(string name) => Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A parameter needs a name.", nameof(name)) : name;

    public string Name { get; }

    public override IReadOnlyList<string> InputVar => new[] { Name };

    public override IEnumerable<Distribution> Distributions => Array.Empty<Distribution>();

    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) => (inputs[Name], Variables.Empty);

    public override string ToString() => Name;

    public override string ToLatex() => Latex.Symbol(Name);
}
