using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>A temperature a formula sets on a relaxed member for the whole evaluation: a number, or a named input read at each evaluation.</summary>
internal sealed record FormulaTemperature(ITempered Member, double? Value, string? Name);

/// <summary>
/// A formula read at run time: its terms, evaluated as the generated body evaluates them. The temperatures the formula
/// sets hold for the whole evaluation, and are restored after it; one draw per distribution, inputs and count is
/// shared by every term (<see cref="SharedDraws"/>). It prints as the formula.
/// </summary>
internal sealed class FormulaLoss(Loss inner, IReadOnlyList<FormulaTemperature> temperatures) : LossSelfOperator(inner)
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        Inner.InputVar.Concat(temperatures.Select(t => t.Name).OfType<string>()).Distinct().ToList();

    /// <inheritdoc/>
    protected internal override int Precedence => Inner.Precedence;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var scopes = new List<IDisposable>();
        try
        {
            foreach (var temperature in temperatures)
                scopes.Add(temperature.Member.UseTemperature(temperature.Value ?? Scalar(inputs, temperature.Name!)));
            using var draws = SharedDraws.Begin();
            return Inner.Estimate(inputs);
        }
        finally
        {
            for (var i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();   // the last set is undone first: each restores what it found
        }
    }

    private static double Scalar(Variables inputs, string name)
    {
        using var asDouble = inputs[name].to_type(ScalarType.Float64);
        return asDouble.item<double>();
    }

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor value) => value;

    /// <inheritdoc/>
    public override string ToString() => Inner.ToString();

    /// <inheritdoc/>
    public override string ToLatex() => Inner.ToLatex();
}
