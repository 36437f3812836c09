using System.Globalization;
using System.Linq;

namespace PixyzGen;

/// <summary>Values as Python's <c>repr</c> writes them, so printed networks read as PyTorch prints them.</summary>
internal static class PythonText
{
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary><c>1e-05</c>, <c>0.1</c>, <c>20.0</c>: the shortest round-trip digits, with Python's exponent style.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        var exponent = text.IndexOf('e');
        if (exponent >= 0)
        {
            // Python writes at least two exponent digits and no '+': 1e-05, 1e+20.
            var mantissa = text[..exponent];
            var power = int.Parse(text[(exponent + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(power < 0 ? "-" : "+")}{System.Math.Abs(power):00}";
        }
        return text.Contains('.') ? text : text + ".0";
    }

    /// <summary>A tuple: <c>(3, 3)</c>, <c>(3,)</c>.</summary>
    public static string Tuple(long[] values) =>
        values.Length == 1 ? $"({values[0]},)" : $"({string.Join(", ", values)})";

    /// <summary>An int when every element is the same (as a layer built with <c>kernel_size=2</c> prints), else a tuple.</summary>
    public static string IntOrTuple(long[] values) =>
        values.Length > 0 && values.All(v => v == values[0]) ? values[0].ToString(CultureInfo.InvariantCulture) : Tuple(values);
}
