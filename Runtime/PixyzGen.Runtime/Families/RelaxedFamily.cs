using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The Concrete relaxations (<see cref="RelaxedBernoulli"/>, <see cref="RelaxedCategorical"/>): reparameterized draws at a
/// temperature that can be annealed, scored as Pixyz scores them (with the unrelaxed family) unless
/// <see cref="ExactDensity"/> asks for the Concrete density.
/// </summary>
public abstract class RelaxedFamily<TParams> : ProbabilityFamily<TParams>, ITempered where TParams : struct, IProbabilityParams<TParams>
{
    private double temperature;

    /// <summary>A relaxation at <paramref name="temperature"/> with constant or variable probabilities, or none when a network computes them.</summary>
    private protected RelaxedFamily(
        double temperature, ParamSource? probs, IReadOnlyList<string>? var, IReadOnlyList<string>? condVar, string? name, long[]? features)
        : base(probs, var, condVar, name, features)
    {
        Temperature = temperature;
    }

    /// <summary>The relaxation temperature (positive and finite); settable, so it can be annealed during training.</summary>
    public double Temperature
    {
        get => temperature;
        set => temperature = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Temperature), $"{Describe()}: temperature must be positive and finite, got {value}.");
    }

    /// <summary>
    /// Sets <see cref="Temperature"/> until the returned scope is disposed, then restores it: a generated loss with
    /// <c>E_q(y|x, temperature = tau)[...]</c> draws and scores at <c>tau</c> for that call only.
    /// </summary>
    public IDisposable UseTemperature(double value)
    {
        var previous = Temperature;
        Temperature = value;
        return new TemperatureScope(this, previous);
    }

    private sealed class TemperatureScope(RelaxedFamily<TParams> family, double previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            family.Temperature = previous;
        }
    }

    /// <summary>Score with the exact Concrete density instead of the unrelaxed family (false, Pixyz's behaviour, by default).</summary>
    public bool ExactDensity { get; set; }

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <summary>A relaxed draw without gradient: the reparameterized draw under <c>no_grad</c>.</summary>
    public override Tensor SampleFrom(TParams p, params long[] sampleShape)
    {
        using (no_grad()) return RSampleFrom(p, sampleShape);
    }
}

/// <summary>A family with a temperature a loss can set for one evaluation (the relaxed families), whatever its parameters.</summary>
internal interface ITempered
{
    IDisposable UseTemperature(double value);
}
