using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Benchmarks;

/// <summary>The sample's VAE written directly with TorchSharp: same layers, weights copied from a generated model.</summary>
public sealed class HandWrittenVae : Module
{
    private readonly Module<Tensor, Tensor> encoder;
    private readonly Module<Tensor, Tensor> decoder;

    public HandWrittenVae(int hidden, int latent) : base(nameof(HandWrittenVae))
    {
        encoder = Sequential(Linear(VaeShape.Pixels, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, 2 * latent));
        decoder = Sequential(Linear(latent, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, VaeShape.Pixels));
        RegisterComponents();
    }

    /// <summary>Copies every parameter of <paramref name="generated"/> (encoder then decoder, in layer order).</summary>
    public void CopyWeightsFrom(VaeModel generated)
    {
        using var noGrad = no_grad();
        foreach (var (mine, theirs) in parameters().Zip(generated.parameters())) mine.copy_(theirs);
    }

    /// <summary>Negative ELBO: closed-form KL to N(0, I) minus the Bernoulli log-likelihood at one reparameterized z.</summary>
    public Tensor Loss(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = encoder.call(x).chunk(2, -1);
        var mu = h[0];
        var sigma = functional.softplus(h[1]);
        var kl = (0.5 * (sigma.square() + mu.square() - 1) - sigma.log()).sum(1);
        var z = mu + sigma * randn_like(mu);
        var logits = decoder.call(z);
        var logLikelihood = -functional.binary_cross_entropy_with_logits(logits, x, reduction: Reduction.None).sum(1);
        return (kl - logLikelihood).mean().MoveToOuterDisposeScope();
    }
}
