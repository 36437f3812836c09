using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.MmdVae;

/// <summary>The notebook's MMD-VAE: the VAE's networks, the KL replaced by the MMD between q(z) over the batch and the prior.</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class MmdVaeModel : GenerativeModel
{
    public Encoder Q { get; } = new(VaeShape.Hidden, VaeShape.Latent);
    public Decoder P { get; } = new(VaeShape.Hidden, VaeShape.Latent);
    public Prior Pz { get; } = new(VaeShape.Latent);

    /// <summary>CrossEntropy(q, p).mean() + MMD(q_mg, prior, kernel="gaussian", sigma_sqr=z_dim/2.).</summary>
    [Loss("-mean(E_q(z|x)[log p(x|z)]) + MMD(q(z|x) || p(z), sigma2 = 32)")]
    public partial Tensor Loss(Tensor x);
}
