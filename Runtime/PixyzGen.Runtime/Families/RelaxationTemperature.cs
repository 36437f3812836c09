using System;

namespace PixyzGen;

/// <summary>The temperature check shared by the Concrete relaxations.</summary>
internal static class RelaxationTemperature
{
    /// <summary>The temperature, or an error naming <paramref name="owner"/> when it is not positive and finite.</summary>
    public static double Check(double value, string owner) => value > 0 && double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException("Temperature", $"{owner}: temperature must be positive and finite, got {value}.");
}
