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

    /// <summary>The constant value, or null for a variable.</summary>
    public Tensor? Constant { get; }

    /// <summary>The conditioning variable's name, or null for a constant.</summary>
    public string? Variable { get; }

    /// <summary>A constant parameter (stored as a buffer).</summary>
    public static ParamSource FromConstant(Tensor value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A parameter read from the named conditioning variable.</summary>
    public static ParamSource FromVariable(string variable) =>
        string.IsNullOrWhiteSpace(variable) ? throw new ArgumentException("A parameter needs a variable name.", nameof(variable)) : new(null, variable);

    /// <summary>A number is a constant parameter (a float32 scalar, broadcast to the feature shape).</summary>
    public static implicit operator ParamSource(double value) => FromConstant(tensor(value, ScalarType.Float32));

    /// <summary>A tensor is a constant parameter (stored as a buffer; its shape sets the feature shape).</summary>
    public static implicit operator ParamSource(Tensor value) => FromConstant(value);

    /// <summary>A string names the conditioning variable whose value is the parameter (Pixyz's <c>loc="mu"</c>).</summary>
    public static implicit operator ParamSource(string variable) => FromVariable(variable);

    /// <inheritdoc/>
    public override string ToString() => Variable ?? (Constant is null ? "(none)" : $"constant {Distribution.Format(Constant.Sizes())}");
}
