using PixyzGen;
using static TorchSharp.torch;

namespace PixyzGenVae.Model;

/// <summary>The VAE of Kingma and Welling, written as the paper writes it.</summary>
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class BarsVae : GenerativeModel
{
    public const int Latent = 4;

    public Encoder Q { get; } = new();

    public Decoder P { get; } = new();

    public Prior Pz { get; } = new();

    /// <summary>The negative evidence lower bound, averaged over the batch.</summary>
    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor Loss(Tensor x);
}
