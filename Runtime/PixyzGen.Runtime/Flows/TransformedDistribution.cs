using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A base distribution pushed through a normalizing flow: z ~ prior, x = f_K(...f_1(z)). The exact log-density is
/// log p(x) = log prior(z) - sum_k log |det df_k| with z = f^-1(x) when every layer inverts in closed form; for
/// flows without an inverse (planar) it needs the latent z that produced x, which draws return alongside x.
/// Scoring data runs the layers backward (Inverse); to train flows whose layers are written data -> noise, as Pixyz's
/// real_nvp examples are (batch normalization then uses batch statistics on data), use
/// <see cref="InverseTransformedDistribution"/>.
/// </summary>
public class TransformedDistribution : FlowDistribution
{
    /// <summary><paramref name="prior"/> pushed through <paramref name="layers"/> (noise to data): draws run them forward, densities backward.</summary>
    public TransformedDistribution(Distribution prior, IReadOnlyList<FlowLayer> layers, IReadOnlyList<string>? var = null, string name = "p", IReadOnlyList<string>? condVar = null)
        : base(prior, layers, var ?? prior.Var, name, condVar)
    {
    }

    /// <summary>Whether every layer inverts in closed form.</summary>
    public bool IsInvertible => Layers.All(l => l.IsInvertible);

    /// <inheritdoc/>
    public override string DistributionName => "TransformedDistribution";

    /// <summary>x = f(z) and log |det df/dz| per value (Pixyz's <c>forward(x, inverse=False, jacobian=True)</c>).</summary>
    public (Tensor Output, Tensor LogDet) Transform(Tensor z, Tensor? condition = null) => FlowChain.Forward(Layers, z, FeatureRank, condition);

    /// <summary>z = f^-1(x) and log |det df^-1/dx| per value; throws when a layer has no closed-form inverse.</summary>
    public (Tensor Output, Tensor LogDet) InverseTransform(Tensor x, Tensor? condition = null) => FlowChain.Inverse(Layers, x, FeatureRank, Describe(), condition);

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var condition = Condition(inputs);
        var z = DrawLatent(inputs, request, condition);
        var (x, _) = Transform(z, condition);
        return Drawn(x, z);
    }

    /// <summary>Pixyz's <c>sample_inv</c>: the latent of given values, z = f^-1(x).</summary>
    public Variables SampleInverse(Variables inputs, bool returnAll = true)
    {
        var (z, _) = InverseTransform(Require(inputs, Var[0]), Condition(inputs));
        var drawn = Variables.Of((LatentVar, z));
        return returnAll ? inputs.Merge(drawn) : drawn;
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        if (!sumFeatures) throw new NotSupportedException($"{Describe()}: a flow's log-determinant couples the features; use sumFeatures: true.");
        if (IsInvertible)
        {
            var (z, inverseLogDet) = InverseTransform(Require(inputs, Var[0]), Condition(inputs));
            return Prior.LogProb(inputs.With(LatentVar, z)) + inverseLogDet;
        }
        if (LatentVar != Var[0] && inputs.TryGetValue(LatentVar, out var latent))
        {
            var (_, logDet) = Transform(latent, Condition(inputs));
            return Prior.LogProb(inputs) - logDet;
        }
        throw new NotSupportedException(
            $"{Describe()}: the flow has no closed-form inverse, so log p({Var[0]}) needs the latent '{LatentVar}' that produced it (draws include it).");
    }
}
