using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A formula read at run time: its terms, evaluated as the generated body evaluates them, with one draw per
/// distribution, inputs and count shared by every term (<see cref="SharedDraws"/>). It prints as the formula.
/// </summary>
internal sealed class FormulaLoss(Loss inner) : LossSelfOperator(inner)
{
    /// <inheritdoc/>
    protected internal override int Precedence => Inner.Precedence;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        using var draws = SharedDraws.Begin();
        return Inner.Estimate(inputs);
    }

    /// <inheritdoc/>
    protected override Tensor Apply(Tensor value) => value;

    /// <inheritdoc/>
    public override string ToString() => Inner.ToString();

    /// <inheritdoc/>
    public override string ToLatex() => Inner.ToLatex();
}
