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
public class InverseTransformedDistribution : Distribution
{
    private readonly Distribution prior;
    private readonly FlowLayer[] layers;

    /// <summary>The prior over the noise variable, the layers mapping data to noise (applied in order), and the data variable.</summary>
    public InverseTransformedDistribution(Distribution prior, IReadOnlyList<FlowLayer> layers, IReadOnlyList<string>? var = null, string name = "p")
        : base(var ?? new[] { "x" }, prior.CondVar, name, prior.FeatureShape?.ToArray())
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (prior.Var.Count != 1) throw new ArgumentException($"A flow transforms one variable; {prior.ProbText} has {prior.Var.Count}.", nameof(prior));
        this.prior = prior;
        this.layers = layers.ToArray();
        register_module("prior", prior);
        for (var i = 0; i < this.layers.Length; i++) register_module($"flow{i}", this.layers[i]);
    }

    /// <summary>The prior over the noise.</summary>
    public Distribution Prior => prior;

    /// <summary>The layers, data to noise, in order.</summary>
    public IReadOnlyList<FlowLayer> Layers => layers;

    /// <summary>The prior's (noise) variable; draws include it when it differs from the data variable.</summary>
    public string LatentVar => prior.Var[0];

    /// <inheritdoc/>
    public override string DistributionName => "InverseTransformedDistribution";

    /// <inheritdoc/>
    public override bool HasReparam => prior.HasReparam;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => prior.InputVar;

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => prior.FeatureRank;

    /// <summary>Pixyz's <c>inference</c>: the noise of given data, z = f(x), and log |det df/dx| per value.</summary>
    public (Tensor Latent, Tensor LogDet) Inference(Tensor x) => FlowChain.Forward(layers, x, FeatureRank);

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var z = prior.Draw(inputs, request)[LatentVar];
        var (x, _) = FlowChain.Inverse(layers, z, FeatureRank, Describe());
        var drawn = Variables.Of((Var[0], x));
        return LatentVar == Var[0] ? drawn : drawn.With(LatentVar, z);
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        if (!sumFeatures) throw new NotSupportedException($"{Describe()}: a flow's log-determinant couples the features; use sumFeatures: true.");
        var (z, logDet) = Inference(Require(inputs, Var[0]));
        return prior.LogProb(inputs.With(LatentVar, z)) + logDet;
    }
}
