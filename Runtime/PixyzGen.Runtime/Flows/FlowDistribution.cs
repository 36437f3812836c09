using System;
using System.Collections.Generic;
using System.Linq;

namespace PixyzGen;

/// <summary>
/// What both flow directions share: a prior over one (latent) variable, the layers, their registration and the
/// properties read from the prior. <see cref="TransformedDistribution"/> writes the layers noise -> data,
/// <see cref="InverseTransformedDistribution"/> data -> noise.
/// </summary>
public abstract class FlowDistribution : Distribution
{
    private readonly Distribution prior;
    private readonly FlowLayer[] layers;

    /// <summary>The prior, the layers (in order) and the flow's own variable.</summary>
    protected FlowDistribution(Distribution prior, IReadOnlyList<FlowLayer> layers, IReadOnlyList<string> var, string name)
        : base(var, prior.CondVar, name, prior.FeatureShape?.ToArray())
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (prior.Var.Count != 1) throw new ArgumentException($"A flow transforms one variable; {prior.ProbText} has {prior.Var.Count}.", nameof(prior));
        this.prior = prior;
        this.layers = layers.ToArray();
        register_module("prior", prior);
        for (var i = 0; i < this.layers.Length; i++) register_module($"flow{i}", this.layers[i]);
    }

    /// <summary>The base distribution.</summary>
    public Distribution Prior => prior;

    /// <summary>The flow layers, in order.</summary>
    public IReadOnlyList<FlowLayer> Layers => layers;

    /// <summary>The prior's variable; draws include it when it differs from the flow's variable.</summary>
    public string LatentVar => prior.Var[0];

    /// <inheritdoc/>
    public override bool HasReparam => prior.HasReparam;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => prior.InputVar;

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => prior.FeatureRank;

    /// <summary>The drawn value and, when it has another name, the latent it came from.</summary>
    protected Variables Drawn(TorchSharp.torch.Tensor value, TorchSharp.torch.Tensor latent)
    {
        var drawn = Variables.Of((Var[0], value));
        return LatentVar == Var[0] ? drawn : drawn.With(LatentVar, latent);
    }
}
