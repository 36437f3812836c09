using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The categorical family over K classes (the last parameter dimension). With <c>oneHot: true</c> (Pixyz's default)
/// values are one-hot vectors of K floats; with <c>oneHot: false</c> they are class indices (int64).
/// </summary>
public class Categorical : ProbabilityFamily<CategoricalParams>
{
    /// <summary>A categorical over the last dimension of the given probabilities, valued one-hot or as class indices: numbers or tensors are constants (stored as buffers), strings name conditioning variables.</summary>
    public Categorical(ParamSource probs, bool oneHot = true, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string name = "p", long[]? features = null)
        : base(probs, var, condVar, name, features, extraParameterRank: oneHot ? 0 : 1)
    {
        OneHot = oneHot;
    }

    /// <summary>A Categorical whose parameters a network computes: <c>Forward</c> under <see cref="DistributionAttribute"/>, or an override of <c>ParamsFor</c>.</summary>
    protected Categorical(bool oneHot = true, IReadOnlyList<string>? var = null, IReadOnlyList<string>? condVar = null, string? name = null, long[]? features = null)
        : base(null, var, condVar, name, features, extraParameterRank: oneHot ? 0 : 1)
    {
        OneHot = oneHot;
    }

    /// <summary>Values are one-hot vectors (true) or class indices (false).</summary>
    public bool OneHot { get; }

    /// <inheritdoc/>
    public override string DistributionName => nameof(Categorical);

    /// <inheritdoc/>
    public override bool HasReparam => false;

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => OneHot ? 1 : 0;

    /// <inheritdoc/>
    protected internal override int EventRank => OneHot ? 1 : 0;

    /// <inheritdoc/>
    protected override bool AcceptsDtype(ScalarType dtype) => OneHot ? is_floating_point(dtype) : is_integral(dtype);

    /// <inheritdoc/>
    protected override string ExpectedDtype => OneHot ? "floating-point one-hot vectors" : "integer class indices";

    /// <inheritdoc/>
    protected override void CheckProbs(Tensor probs) => CheckClassProbs(probs);

    /// <inheritdoc/>
    protected override long[] ValueShape(CategoricalParams p) => OneHot ? p.Shape : p.Shape[..^1];

    /// <inheritdoc/>
    public override Tensor SampleFrom(CategoricalParams p, params long[] sampleShape)
    {
        using (no_grad())
        {
            var indices = SampleIndices(p, sampleShape);
            return OneHot ? nn.functional.one_hot(indices, p.Classes).to(p.Probs.dtype) : indices;
        }
    }

    /// <summary>Class indices of shape <c>sampleShape + batch</c>.</summary>
    internal static Tensor SampleIndices(CategoricalParams p, long[] sampleShape)
    {
        var probs = p.Probs;
        var batch = probs.Sizes()[..^1];
        var draws = sampleShape.Aggregate(1L, (a, b) => a * b);
        var flat = probs.reshape(-1, probs.Sizes()[^1]).multinomial(draws, replacement: true);  // [batch..., draws]
        return flat.t().reshape(Shapes.Concat(sampleShape, batch));
    }

    /// <inheritdoc/>
    protected override Tensor LogProbElements(CategoricalParams p, Tensor value)
    {
        var logProbs = p.LogProbs;
        if (OneHot) return (value * logProbs).sum(-1);
        var shape = Shapes.Broadcast(value.Sizes(), logProbs.Sizes()[..^1]);
        var index = value.expand(shape).unsqueeze(-1);
        return logProbs.expand(Shapes.Concat(shape, new[] { logProbs.Sizes()[^1] })).gather(-1, index).squeeze(-1);
    }

    /// <inheritdoc/>
    public override Tensor MeanOf(CategoricalParams p) =>
        OneHot ? p.Probs : throw new System.NotSupportedException($"{Describe()}: class indices have no mean; use oneHot: true.");

    /// <inheritdoc/>
    public override Tensor VarianceOf(CategoricalParams p)
    {
        if (!OneHot) throw new System.NotSupportedException($"{Describe()}: class indices have no variance; use oneHot: true.");
        var probs = p.Probs;
        return probs * (1 - probs);
    }

    /// <summary>-sum_k p_k log p_k per categorical variable.</summary>
    protected override Tensor EntropyElements(CategoricalParams p) => -(p.Probs * p.LogProbs).sum(-1);
}
