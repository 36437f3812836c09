using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The empirical data distribution p_data(x): "sampling" returns the data the caller gives, so adversarial losses
/// can treat real data and a generator alike. Its input variables are its own variables.
/// </summary>
public sealed class DataDistribution : Distribution
{
    /// <summary>The empirical distribution of <paramref name="var"/>: its draws are the data given as inputs.</summary>
    public DataDistribution(IReadOnlyList<string> var, string name = "p_data")
        : base(var, null, name, null)
    {
    }

    /// <inheritdoc/>
    public override string DistributionName => "Data distribution";

    /// <inheritdoc/>
    public override bool HasReparam => true;

    /// <summary>The data variables themselves: they must be given.</summary>
    public override IReadOnlyList<string> InputVar => Var;

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request) => inputs.Only(Var);

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true) =>
        throw new NotSupportedException($"{Describe()}: the empirical data distribution has no density.");
}
