using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae.Model;

/// <summary>The VAE of Kingma and Welling, written as the paper writes it.</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class VaeModel(int hidden = VaeShape.Hidden, int latent = VaeShape.Latent) : GenerativeModel
{
    public Encoder Q { get; } = new(hidden, latent);

    public Decoder P { get; } = new(hidden, latent);

    public Prior Pz { get; } = new(latent);

    /// <summary>The negative evidence lower bound, averaged over the batch (nats per image).</summary>
    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor Loss(Tensor x);
}
