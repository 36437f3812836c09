using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A flow written data -> noise (Pixyz's <c>InverseTransformedDistribution</c>): z = f_K(...f_1(x)) ~ prior, so
/// log p(x) = log prior(f(x)) + sum_k log |det df_k| runs the layers forward. Maximum likelihood therefore trains the
/// direction the layers are written in, and a <see cref="BatchNormLayer"/> normalizes the data with batch statistics
/// (updating its running averages) in <c>train()</c>. Drawing runs the layers backward from a prior draw, so it needs
/// layers with closed-form inverses.
/// </summary>
public class InverseTransformedDistribution : FlowDistribution
{
    /// <summary>The prior over the noise variable, the layers mapping data to noise (applied in order), and the data variable.</summary>
    public InverseTransformedDistribution(Distribution prior, IReadOnlyList<FlowLayer> layers, IReadOnlyList<string>? var = null, string name = "p", IReadOnlyList<string>? condVar = null)
        : base(prior, layers, var ?? new[] { "x" }, name, condVar)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => "InverseTransformedDistribution";

    /// <summary>Pixyz's <c>inference</c>: the noise of given data, z = f(x), and log |det df/dx| per value.</summary>
    public (Tensor Latent, Tensor LogDet) Inference(Tensor x, Tensor? condition = null) => FlowChain.Forward(Layers, x, FeatureRank, condition);

    /// <summary>Pixyz's <c>inverse</c>: the data of given noise, x = f^-1(z), the layers run backward.</summary>
    public Tensor Inverse(Tensor z, Tensor? condition = null) => FlowChain.Inverse(Layers, z, FeatureRank, Describe(), condition).Output;

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var condition = Condition(inputs);
        var z = DrawLatent(inputs, request, condition);
        var (x, _) = FlowChain.Inverse(Layers, z, FeatureRank, Describe(), condition);
        return Drawn(x, z);
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        if (!sumFeatures) throw new NotSupportedException($"{Describe()}: a flow's log-determinant couples the features; use sumFeatures: true.");
        var (z, logDet) = Inference(Require(inputs, Var[0]), Condition(inputs));
        return Prior.LogProb(inputs.With(LatentVar, z)) + logDet;
    }
}
