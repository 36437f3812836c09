using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The GAN objective (Goodfellow et al.): 2 JS[p_data || p] + const, estimated with a discriminator that outputs the
/// probability that its input is data. <see cref="Loss.Eval"/> is the generator's loss (non-saturating by default,
/// <c>inverseGLoss</c>); <see cref="TrainDiscriminator"/> does one step of the discriminator with its own optimizer
/// on detached draws. The value is a scalar (binary cross-entropies averaged over the batch).
/// </summary>
public class AdversarialJSDivergence : Loss
{
    private readonly optim.Optimizer discriminatorOptimizer;

    /// <summary>The GAN objective with its discriminator; <paramref name="optimizer"/> builds the discriminator's optimizer (Adam, 1e-3, by default).</summary>
    public AdversarialJSDivergence(
        Distribution pData, Distribution p, Distribution discriminator,
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null, bool inverseGLoss = true)
    {
        PData = pData ?? throw new ArgumentNullException(nameof(pData));
        P = p ?? throw new ArgumentNullException(nameof(p));
        Discriminator = discriminator ?? throw new ArgumentNullException(nameof(discriminator));
        if (!pData.Var.SequenceEqual(p.Var))
            throw new ArgumentException($"{GetType().Name}: the data {pData.ProbText} and the generator {p.ProbText} are over different variables.");
        var unknown = discriminator.InputVar.Where(v => !p.Var.Contains(v)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"{GetType().Name}: the discriminator {discriminator.ProbText} reads [{string.Join(", ", unknown)}], which {p.ProbText} does not generate.");
        InverseGLoss = inverseGLoss;
        discriminatorOptimizer = (optimizer ?? (ps => new FusedAdam(ps, 1e-3)))(discriminator.parameters());
    }

    /// <summary>The data distribution (usually a DataDistribution).</summary>
    public Distribution PData { get; }

    /// <summary>The first distribution of the formula.</summary>
    public Distribution P { get; }

    /// <summary>The discriminator: a distribution over a score given the data variables.</summary>
    public Distribution Discriminator { get; }

    /// <summary>Whether the generator minimizes the non-saturating loss -log D(fake).</summary>
    public bool InverseGLoss { get; }

    /// <summary>The discriminator's optimizer (saved and loaded with a <see cref="Model"/>).</summary>
    public optim.Optimizer DiscriminatorOptimizer => discriminatorOptimizer;

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar => Union(PData.InputVar, P.InputVar);

    /// <summary>The generator side only: the discriminator trains through <see cref="TrainDiscriminator"/>.</summary>
    public override IEnumerable<Distribution> Distributions => new[] { PData, P };

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var (real, fake) = Draws(inputs);
        var yReal = Score(real);
        var yFake = Score(fake);
        return (GeneratorLoss(yReal, yFake), NewIn(fake, inputs));
    }

    /// <summary>One optimizer step of the discriminator on fresh draws; returns its loss.</summary>
    public double TrainDiscriminator(Variables inputs)
    {
        NativeSettings.ApplyThreadPolicy();
        using var scope = NewDisposeScope();
        Discriminator.train();
        discriminatorOptimizer.zero_grad();
        var loss = DiscriminatorLoss(inputs);
        loss.backward();
        discriminatorOptimizer.step();
        AfterDiscriminatorStep();
        return loss.ToDouble();
    }

    /// <summary>The discriminator's loss without training it.</summary>
    public double TestDiscriminator(Variables inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return DiscriminatorLoss(inputs).ToDouble();
    }

    /// <inheritdoc/>
    public override double Train(Variables inputs) => TrainDiscriminator(inputs);

    /// <inheritdoc/>
    public override double Test(Variables inputs) => TestDiscriminator(inputs);

    /// <summary>BCE(D(real), 1) + BCE(D(fake), 0), averaged over the batch.</summary>
    protected virtual Tensor DiscriminatorLossFrom(Tensor yReal, Tensor yFake) => Adversarial.JsDiscriminator(yReal, yFake);

    /// <summary>BCE(D(fake), 1) (non-saturating) or -BCE(D(fake), 0); the data term carries no gradient.</summary>
    protected virtual Tensor GeneratorLossFrom(Tensor yReal, Tensor yFake) => Adversarial.JsGenerator(yReal, yFake, InverseGLoss);

    /// <summary>Runs after each discriminator step (weight clipping for WGAN).</summary>
    protected virtual void AfterDiscriminatorStep()
    {
    }

    private Tensor GeneratorLoss(Tensor yReal, Tensor yFake) => GeneratorLossFrom(yReal, yFake);

    /// <summary>The discriminator's objective on detached draws, with its gradient (a formula's <c>ADV_JS_D</c> / <c>ADV_W_D</c>).</summary>
    internal Tensor DiscriminatorObjective(Variables inputs) => DiscriminatorLoss(inputs);

    private Tensor DiscriminatorLoss(Variables inputs)
    {
        var (real, fake) = Draws(inputs);
        return DiscriminatorLossFrom(Score(Detached(real)), Score(Detached(fake)));
    }

    private (Variables Real, Variables Fake) Draws(Variables inputs)
    {
        var real = PData.Sample(inputs);
        var batch = real[PData.Var[0]].Sizes()[0];
        var fake = P.Sample(inputs, batchN: P.InputVar.Count == 0 ? batch : null, reparam: P.HasReparam);
        return (real, fake);
    }

    private Tensor Score(Variables values) => Discriminator.Sample(values, returnAll: false)[Discriminator.Var[0]];

    private static Variables Detached(Variables values) => new(values.Select(kv => new KeyValuePair<string, Tensor>(kv.Key, kv.Value.detach())));


    /// <inheritdoc/>
    public override string ToString() => $"JS({PData.ProbText} || {P.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"mean(D_{{JS}}^{{Adv}} \\left[{PData.ToLatexSignature()}||{P.ToLatexSignature()} \\right])";
}

/// <summary>
/// The WGAN objective (Arjovsky et al.): the critic maximizes mean D(real) - mean D(fake) with its weights clipped to
/// [-clipValue, clipValue] after each step; the generator minimizes -mean D(fake).
/// </summary>
public sealed class AdversarialWassersteinDistance : AdversarialJSDivergence
{
    /// <summary>The WGAN objective; the critic's weights are clipped to [-clipValue, clipValue] after each of its steps.</summary>
    public AdversarialWassersteinDistance(
        Distribution pData, Distribution p, Distribution discriminator, double clipValue = 0.01,
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null)
        : base(pData, p, discriminator, optimizer)
    {
        ClipValue = clipValue > 0 ? clipValue : throw new ArgumentOutOfRangeException(nameof(clipValue), "The clipping bound must be positive.");
    }

    /// <summary>The bound the critic's weights are clipped to after each step.</summary>
    public double ClipValue { get; }

    /// <inheritdoc/>
    protected override Tensor DiscriminatorLossFrom(Tensor yReal, Tensor yFake) => Adversarial.WassersteinCritic(yReal, yFake);

    /// <inheritdoc/>
    protected override Tensor GeneratorLossFrom(Tensor yReal, Tensor yFake) => Adversarial.WassersteinGenerator(yReal, yFake);

    /// <inheritdoc/>
    protected override void AfterDiscriminatorStep()
    {
        using var noGrad = no_grad();
        foreach (var parameter in Discriminator.parameters()) parameter.clamp_(-ClipValue, ClipValue);
    }

    /// <inheritdoc/>
    public override string ToString() => $"W_adv({PData.ProbText}, {P.ProbText})";

    /// <inheritdoc/>
    public override string ToLatex() => $"mean(W^{{Adv}} \\left({PData.ToLatexSignature()}, {P.ToLatexSignature()} \\right))";
}
