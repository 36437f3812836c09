using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Maximum likelihood: minimizes mean(-log p(x)).</summary>
public sealed class ML(
    Distribution p, IEnumerable<Distribution>? otherDistributions = null,
    Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null, double? clipGradNorm = null, double? clipGradValue = null)
    : Model(new NLL(p).Mean(), null, new[] { p }.Concat(otherDistributions ?? Array.Empty<Distribution>()), optimizer, clipGradNorm, clipGradValue);

/// <summary>
/// The variational autoencoder of Kingma and Welling: minimizes mean(-E_q(z|x)[log p(x|z)] + regularizer), the
/// regularizer usually <c>new KullbackLeibler(q, prior)</c>.
/// </summary>
public sealed class VAE(
    Distribution encoder, Distribution decoder, Loss? regularizer = null, IEnumerable<Distribution>? otherDistributions = null,
    Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null, double? clipGradNorm = null, double? clipGradValue = null)
    : Model(Objective(encoder, decoder, regularizer), null,
        new[] { encoder, decoder }.Concat(otherDistributions ?? Array.Empty<Distribution>()), optimizer, clipGradNorm, clipGradValue)
{
    private static Loss Objective(Distribution encoder, Distribution decoder, Loss? regularizer)
    {
        Loss reconstruction = new StochasticReconstructionLoss(encoder, decoder);
        return (regularizer is null ? reconstruction : reconstruction + regularizer).Mean();
    }
}

/// <summary>Variational inference: minimizes mean(-ELBO(p, q)).</summary>
public sealed class VI(
    Distribution p, Distribution approximateDist, IEnumerable<Distribution>? otherDistributions = null,
    Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null, double? clipGradNorm = null, double? clipGradValue = null)
    : Model((-new ELBO(p, approximateDist)).Mean(), null,
        new[] { p, approximateDist }.Concat(otherDistributions ?? Array.Empty<Distribution>()), optimizer, clipGradNorm, clipGradValue);

/// <summary>
/// A generative adversarial network: each <see cref="Model.Train"/> does one discriminator step with the discriminator's
/// own optimizer, then one generator step on the adversarial loss (Pixyz's order); <see cref="Model.AuxiliaryLoss"/> is the discriminator's loss.
/// </summary>
public sealed class GAN : Model
{
    private readonly AdversarialJSDivergence adversarial;

    /// <summary>A GAN (or, with <paramref name="wasserstein"/>, a WGAN) between the data and the generator <paramref name="p"/>, with the discriminator's own optimizer.</summary>
    public GAN(
        Distribution pData, Distribution p, Distribution discriminator,
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer = null,
        Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? discriminatorOptimizer = null,
        bool wasserstein = false, double clipValue = 0.01)
        : this(wasserstein
                ? new AdversarialWassersteinDistance(pData, p, discriminator, clipValue, discriminatorOptimizer)
                : new AdversarialJSDivergence(pData, p, discriminator, discriminatorOptimizer),
            p, optimizer)
    {
    }

    private GAN(AdversarialJSDivergence adversarial, Distribution p, Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer>? optimizer)
        : base(adversarial, null, new[] { p }, optimizer)
    {
        this.adversarial = adversarial;
    }

    /// <summary>The adversarial loss, with its discriminator and optimizer.</summary>
    public AdversarialJSDivergence Adversarial => adversarial;

    /// <inheritdoc/>
    protected override void SaveExtra(BinaryWriter writer)
    {
        adversarial.Discriminator.save(writer);
        OptimizerCheckpoint.Save(adversarial.DiscriminatorOptimizer, writer);
    }

    /// <inheritdoc/>
    protected override void LoadExtra(BinaryReader reader)
    {
        adversarial.Discriminator.load(reader);
        OptimizerCheckpoint.Load(adversarial.DiscriminatorOptimizer, reader);
    }
}
