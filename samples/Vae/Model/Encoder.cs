using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Vae.Model;

/// <summary>q(z|x): a Normal whose mean and scale a two-layer network computes from the image.</summary>
[Distribution("q(z|x)")]
public sealed partial class Encoder : Normal
{
    private readonly Module<Tensor, Tensor> net;

    public Encoder(int hidden, int latent) : base()
    {
        net = Sequential(Linear(VaeShape.Pixels, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, 2 * latent));
        RegisterComponents();
    }

    private NormalParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}
