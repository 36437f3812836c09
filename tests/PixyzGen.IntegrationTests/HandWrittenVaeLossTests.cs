using System;
using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

/// <summary>The generated VAE loss against the same negative ELBO written by hand with TorchSharp operations.</summary>
public class HandWrittenVaeLossTests
{
    /// <summary>
    /// The textbook formulas, independent of the Runtime's families: Gaussian KL to N(0, I) in closed form and the
    /// Bernoulli log-likelihood as x*l - softplus(l), with one reparameterized draw z = mu + sigma * eps.
    /// </summary>
    private static Tensor HandWrittenLoss(Func<Tensor, Tensor> encoder, Func<Tensor, Tensor> decoder, Tensor x)
    {
        var h = encoder(x).chunk(2, -1);
        var mu = h[0];
        var sigma = nn.functional.softplus(h[1]);
        var kl = (0.5 * (sigma.square() + mu.square() - 1) - sigma.log()).sum(1);
        var z = mu + sigma * randn(mu.shape);
        var logits = decoder(z);
        var logLikelihood = (x * logits - nn.functional.softplus(logits)).sum(1);
        return (kl - logLikelihood).mean();
    }

    [Test]
    public void Generated_loss_equals_the_hand_written_loss_on_the_same_seed()
    {
        manual_seed(42);
        using var model = new VaeModel(hidden: 64, latent: 8);
        using var x = rand(32, VaeShape.Pixels);
        var encoder = model.Q.named_children().Single().module as nn.Module<Tensor, Tensor>;
        var decoder = model.P.named_children().Single().module as nn.Module<Tensor, Tensor>;

        manual_seed(7);
        var generated = model.Loss(x).item<float>();
        manual_seed(7);
        var handWritten = HandWrittenLoss(encoder!.call, decoder!.call, x).item<float>();

        Assert.That(generated, Is.EqualTo(handWritten).Within(1e-5 * Math.Abs(handWritten)));
        Assert.That(generated, Is.GreaterThan(100), "an untrained VAE on 784 pixels is far from a perfect fit");
    }

    [Test]
    public void Generated_and_hand_written_gradients_agree()
    {
        manual_seed(3);
        using var model = new VaeModel(hidden: 32, latent: 4);
        using var x = rand(16, VaeShape.Pixels);
        var encoder = (nn.Module<Tensor, Tensor>)model.Q.named_children().Single().module;
        var decoder = (nn.Module<Tensor, Tensor>)model.P.named_children().Single().module;

        manual_seed(9);
        model.Loss(x).backward();
        var generated = model.parameters().Select(p => p.grad!.clone()).ToList();
        model.zero_grad();
        manual_seed(9);
        HandWrittenLoss(encoder.call, decoder.call, x).backward();
        var handWritten = model.parameters().Select(p => p.grad!).ToList();

        for (var i = 0; i < generated.Count; i++)
            Assert.That(generated[i].allclose(handWritten[i], rtol: 1e-4, atol: 1e-6), Is.True, $"gradient {i}");
    }
}
