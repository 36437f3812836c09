using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The adversarial objectives as functions of the discriminator's outputs on real and generated data, shared by the
/// loss objects (<see cref="AdversarialJSDivergence"/>, <see cref="AdversarialWassersteinDistance"/>) and generated
/// <c>ADV_JS</c> / <c>ADV_W</c> terms. Scalars; the data term of a generator objective carries no gradient.
/// </summary>
public static class Adversarial
{
    /// <summary>BCE(D(real), 0) (detached) + BCE(D(fake), 1): the non-saturating generator loss; or, not inverted, -BCE(D(real), 1) - BCE(D(fake), 0).</summary>
    public static Tensor JsGenerator(Tensor dReal, Tensor dFake, bool inverse = true) => inverse
        ? Bce(dReal, zeros_like(dReal)).detach() + Bce(dFake, ones_like(dFake))
        : -Bce(dReal, ones_like(dReal)).detach() - Bce(dFake, zeros_like(dFake));

    /// <summary>BCE(D(real), 1) + BCE(D(fake), 0): the discriminator's loss (give it detached fakes).</summary>
    public static Tensor JsDiscriminator(Tensor dReal, Tensor dFake) => Bce(dReal, ones_like(dReal)) + Bce(dFake, zeros_like(dFake));

    /// <summary>mean D(real) (detached) - mean D(fake): the WGAN generator loss.</summary>
    public static Tensor WassersteinGenerator(Tensor dReal, Tensor dFake) => dReal.mean().detach() - dFake.mean();

    /// <summary>-(mean D(real) - mean D(fake)): the critic's loss (give it detached fakes; clip its weights after each step).</summary>
    public static Tensor WassersteinCritic(Tensor dReal, Tensor dFake) => -(dReal.mean() - dFake.mean());

    // torch.nn.BCELoss as Pixyz uses it: libtorch bounds the log at -100 and keeps the gradient alive down to
    // p(1 - p) = 1e-12. Clamping the probability first (as this once did) zeroes the generator's gradient exactly when
    // the discriminator is winning, and a GAN then never recovers.
    private static Tensor Bce(Tensor probability, Tensor target) => nn.functional.binary_cross_entropy(probability, target);
}
