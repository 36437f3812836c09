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

    /// <summary>
    /// The prior, the layers (in order), the flow's own variable and the variables its layers are conditioned on
    /// (<paramref name="condVar"/>, beside the prior's; under <see cref="DistributionAttribute"/> the signature gives them).
    /// </summary>
    protected FlowDistribution(Distribution prior, IReadOnlyList<FlowLayer> layers, IReadOnlyList<string> var, string name, IReadOnlyList<string>? condVar = null)
        : base(var, prior.CondVar.Concat(condVar ?? Array.Empty<string>()).Distinct().ToArray(), name, prior.FeatureShape?.ToArray())
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

    /// <summary>The variables the layers read (the flow's conditioning variables that are not the prior's).</summary>
    public IReadOnlyList<string> LayerConditions => CondVar.Where(v => !prior.CondVar.Contains(v)).ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => prior.InputVar.Concat(LayerConditions).Distinct().ToArray();

    /// <summary>
    /// The prior's draw for these inputs: a prior without inputs of its own draws one value per row of the condition
    /// (as a conditional flow's draws follow their labels), unless the request sets a batch.
    /// </summary>
    protected TorchSharp.torch.Tensor DrawLatent(Variables inputs, SampleRequest request, TorchSharp.torch.Tensor? condition)
    {
        var batch = condition is not null && request.BatchN is null && prior.InputVar.Count == 0 ? request with { BatchN = condition.size(0) } : request;
        return prior.Draw(inputs, batch)[LatentVar];
    }

    /// <summary>The layers' conditioning input: <see cref="LayerConditions"/> concatenated along the last dimension; null for an unconditional flow.</summary>
    protected TorchSharp.torch.Tensor? Condition(Variables inputs)
    {
        var conditions = LayerConditions;
        if (conditions.Count == 0) return null;
        var values = conditions.Select(v => Require(inputs, v)).ToArray();
        return values.Length == 1 ? values[0] : TorchSharp.torch.cat(values, -1);
    }

    /// <inheritdoc/>
    protected override int DefaultFeatureRank => prior.FeatureRank;

    /// <summary>The drawn value and, when it has another name, the latent it came from.</summary>
    protected Variables Drawn(TorchSharp.torch.Tensor value, TorchSharp.torch.Tensor latent)
    {
        var drawn = Variables.Of((Var[0], value));
        return LatentVar == Var[0] ? drawn : drawn.With(LatentVar, latent);
    }
}
