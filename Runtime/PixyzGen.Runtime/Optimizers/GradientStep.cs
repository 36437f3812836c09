using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The part of a training step every trainer shares: given a scalar loss computed after <c>zero_grad</c>, back-propagate,
/// clip the gradients (by global norm, by value, or both) and step the optimizer, unless the loss is NaN or infinite,
/// in which case nothing reaches the parameters and the caller decides (<see cref="NonFiniteLossPolicy"/>).
/// </summary>
public static class GradientStep
{
    /// <summary>Checks that gradient bounds are positive when given.</summary>
    public static void CheckClipping(double? clipGradNorm, double? clipGradValue)
    {
        if (clipGradNorm is <= 0 || clipGradNorm is double.NaN) throw new ArgumentOutOfRangeException(nameof(clipGradNorm), clipGradNorm, "Gradient clipping needs a positive norm.");
        if (clipGradValue is <= 0 || clipGradValue is double.NaN) throw new ArgumentOutOfRangeException(nameof(clipGradValue), clipGradValue, "Gradient clipping needs a positive value.");
    }

    /// <summary>
    /// Steps <paramref name="optimizer"/> on <paramref name="loss"/> (a one-element tensor) and returns its value; a
    /// non-finite value is returned without any backward pass or step.
    /// </summary>
    public static double Take(optim.Optimizer optimizer, IEnumerable<TorchSharp.Modules.Parameter> parameters, Tensor loss, double? clipGradNorm = null, double? clipGradValue = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        var value = loss.ToDouble();
        if (!double.IsFinite(value)) return value;
        loss.backward();
        if (clipGradNorm is { } norm) nn.utils.clip_grad_norm_(parameters, norm);
        if (clipGradValue is { } bound) nn.utils.clip_grad_value_(parameters, bound);
        optimizer.step();
        return value;
    }
}
