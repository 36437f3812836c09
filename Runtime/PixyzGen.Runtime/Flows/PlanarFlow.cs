using System.Collections.Generic;
using System.Linq;

namespace PixyzGen;

/// <summary>Pixyz's <c>PlanarFlow(prior, dim, num_layers)</c>: a prior pushed through planar layers.</summary>
public sealed class PlanarFlow : TransformedDistribution
{
    /// <summary><paramref name="numLayers"/> planar layers over <paramref name="prior"/> in <paramref name="dim"/> dimensions (Pixyz's PlanarFlow); no closed-form inverse, so densities use the latent of a draw.</summary>
    public PlanarFlow(Distribution prior, long dim, int numLayers = 1, IReadOnlyList<string>? var = null, string name = "p")
        : base(prior, Enumerable.Range(0, numLayers).Select(_ => (FlowLayer)new PlanarLayer(dim)).ToArray(), var, name)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => nameof(PlanarFlow);
}
