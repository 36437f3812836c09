using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// One invertible (or at least differentiable, bijective) layer of a normalizing flow over values whose last
/// <see cref="FeatureRank"/> dimensions are features. Log-determinants are per value: the shape of the batch.
/// </summary>
public abstract class FlowLayer : nn.Module
{
    /// <summary>A layer over values whose last <paramref name="featureRank"/> dimensions are features (1 for vectors, 3 for images).</summary>
    protected FlowLayer(int featureRank = 1) : base(nameof(FlowLayer))
    {
        name = GetType().Name;
        FeatureRank = featureRank >= 1 ? featureRank : throw new ArgumentOutOfRangeException(nameof(featureRank));
    }

    /// <summary>How many trailing dimensions are features.</summary>
    public int FeatureRank { get; }

    /// <summary>Whether <see cref="Inverse(Tensor)"/> is available in closed form.</summary>
    public virtual bool IsInvertible => true;

    /// <summary>y = f(x) and log |det df/dx| per value.</summary>
    public abstract (Tensor Output, Tensor LogDet) Forward(Tensor x);

    /// <summary>x = f^-1(y) and log |det df^-1/dy| per value.</summary>
    public virtual (Tensor Output, Tensor LogDet) Inverse(Tensor y) =>
        throw new NotSupportedException($"{GetType().Name} has no closed-form inverse.");

    /// <summary>
    /// <see cref="Forward(Tensor)"/> given the flow's conditioning input (a conditional flow's variables, features last;
    /// null for an unconditional flow). Layers that do not read it (permutations, batch norm) ignore it.
    /// </summary>
    public virtual (Tensor Output, Tensor LogDet) Forward(Tensor x, Tensor? condition) => Forward(x);

    /// <summary><see cref="Inverse(Tensor)"/> given the flow's conditioning input, as <see cref="Forward(Tensor, Tensor?)"/>.</summary>
    public virtual (Tensor Output, Tensor LogDet) Inverse(Tensor y, Tensor? condition) => Inverse(y);

    /// <summary>The batch shape of a value (its leading, non-feature dimensions).</summary>
    protected long[] BatchShape(Tensor x) => x.Sizes()[..^FeatureRank];
}
