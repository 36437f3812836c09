using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// What the dynamic API needs of a distribution: variables by name, draws and log-densities over <see cref="Variables"/>.
/// Every <see cref="Distribution"/> implements it, generated <see cref="DistributionAttribute"/> classes included (their
/// <c>Forward</c> is reached through the family's <c>ParamsFor</c>), so they plug into products, losses and models unchanged.
/// </summary>
public interface IDistribution
{
    /// <summary>Pixyz's <c>prob_text</c>: <c>p(x|z)</c>.</summary>
    string ProbText { get; }

    /// <summary>The variables drawn.</summary>
    IReadOnlyList<string> Var { get; }

    /// <summary>The conditioning variables.</summary>
    IReadOnlyList<string> CondVar { get; }

    /// <summary>The variables a caller must give to draw.</summary>
    IReadOnlyList<string> InputVar { get; }

    /// <summary>Whether draws can be reparameterized.</summary>
    bool HasReparam { get; }

    /// <summary>Draws the variables given the inputs.</summary>
    Variables Sample(Variables? inputs = null, long? batchN = null, long[]? sampleShape = null, bool reparam = false, bool returnAll = true);

    /// <summary>The log-density of the values in <paramref name="inputs"/>.</summary>
    Tensor LogProb(Variables inputs, bool sumFeatures = true);
}
