using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Vi;

/// <summary>The vi notebook's model: the VAE's networks under the Monte Carlo ELBO of p(x|z) p(z) against q(z|x).</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class ViModel : GenerativeModel
{
    public Encoder Q { get; } = new(VaeShape.Hidden, VaeShape.Latent);
    public Decoder P { get; } = new(VaeShape.Hidden, VaeShape.Latent);
    public Prior Pz { get; } = new(VaeShape.Latent);

    /// <summary>VI(p_joint, q): the negative ELBO, one draw of z per image.</summary>
    [Loss("-mean(E_q(z|x)[log p(x|z) + log p(z) - log q(z|x)])")]
    public partial Tensor NegativeElbo(Tensor x);
}
