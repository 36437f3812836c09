using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A formula's adversarial term, <c>ADV_JS[d(t|x)](g(x|w) || p(w))</c> and its kin, as the generated body computes it:
/// the data x scored by d against x drawn from g at w drawn from p, one w per data row. The generator's objective
/// (<c>ADV_JS</c>, <c>ADV_W</c>) or the discriminator's on detached draws (<c>ADV_JS_D</c>, <c>ADV_W_D</c>), each a
/// loss of its own to minimize with its own optimizer, as in a [Loss]; unlike <see cref="AdversarialJSDivergence"/>
/// used directly, it never steps the discriminator by itself.
/// </summary>
internal sealed class FormulaAdversarial(AdversarialJSDivergence divergence, bool discriminatorSide, string text) : Loss
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => divergence.InputVar;

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => discriminatorSide ? new[] { divergence.Discriminator } : divergence.Distributions;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs) =>
        discriminatorSide ? (divergence.DiscriminatorObjective(inputs), Variables.Empty) : divergence.Estimate(inputs);

    /// <inheritdoc/>
    public override string ToString() => text;

    /// <inheritdoc/>
    public override string ToLatex() => divergence.ToLatex();
}
