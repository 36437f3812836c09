using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>A sequence of flow layers run forward or backward, summing the log-determinants: shared by both flow directions.</summary>
internal static class FlowChain
{
    /// <summary>f_K(...f_1(x)) and the sum of log |det df_k| per value.</summary>
    public static (Tensor Output, Tensor LogDet) Forward(IReadOnlyList<FlowLayer> layers, Tensor x, int featureRank, Tensor? condition = null)
    {
        Tensor? logDet = null;
        foreach (var layer in layers)
        {
            var (output, layerLogDet) = layer.Forward(x, condition);
            x = output;
            logDet = logDet is null ? layerLogDet : logDet + layerLogDet;
        }
        return (x, logDet ?? zeros(x.Sizes()[..^featureRank], dtype: x.dtype, device: x.device));
    }

    /// <summary>f_1^-1(...f_K^-1(y)) and the sum of log |det df_k^-1| per value; throws when a layer has no closed-form inverse.</summary>
    public static (Tensor Output, Tensor LogDet) Inverse(IReadOnlyList<FlowLayer> layers, Tensor y, int featureRank, string owner, Tensor? condition = null)
    {
        if (layers.Any(l => !l.IsInvertible))
            throw new NotSupportedException($"{owner}: {string.Join(", ", layers.Where(l => !l.IsInvertible).Select(l => l.GetType().Name).Distinct())} has no closed-form inverse.");
        Tensor? logDet = null;
        foreach (var layer in layers.Reverse())
        {
            var (output, layerLogDet) = layer.Inverse(y, condition);
            y = output;
            logDet = logDet is null ? layerLogDet : logDet + layerLogDet;
        }
        return (y, logDet ?? zeros(y.Sizes()[..^featureRank], dtype: y.dtype, device: y.device));
    }
}
