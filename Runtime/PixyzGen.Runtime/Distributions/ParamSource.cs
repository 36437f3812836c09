using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Where a family parameter comes from, as in Pixyz's constructors: a constant (<c>loc: 0</c>, a tensor) stored as
/// a buffer, or the value of a conditioning variable named by a string (<c>loc: "mu"</c>).
/// </summary>
public readonly struct ParamSource
{
    private ParamSource(Tensor? constant, string? variable)
    {
        Constant = constant;
        Variable = variable;
    }

    public Tensor? Constant { get; }

    public string? Variable { get; }

    public static ParamSource FromConstant(Tensor value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ParamSource FromVariable(string variable) =>
        string.IsNullOrWhiteSpace(variable) ? throw new ArgumentException("A parameter needs a variable name.", nameof(variable)) : new(null, variable);

    public static implicit operator ParamSource(double value) => FromConstant(tensor(value, ScalarType.Float32));

    public static implicit operator ParamSource(Tensor value) => FromConstant(value);

    public static implicit operator ParamSource(string variable) => FromVariable(variable);

    public override string ToString() => Variable ?? (Constant is null ? "(none)" : $"constant {Distribution.Format(Constant.Sizes())}");
}
