using PixyzGen;
using PixyzGenVae.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGenVae.Model;

/// <summary>q(z|x): a Normal whose mean and scale a small network computes from the image.</summary>
[Distribution("q(z|x)")]
public sealed partial class Encoder : Normal
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(Bars.Pixels, 64), ReLU(), Linear(64, 2 * BarsVae.Latent));

    public Encoder() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}
