using PixyzGen;
using PixyzGenVae.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGenVae.Model;

/// <summary>p(x|z): a Bernoulli over the pixels whose logits a small network computes from the code.</summary>
[Distribution("p(x|z)")]
public sealed partial class Decoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net = Sequential(Linear(BarsVae.Latent, 64), ReLU(), Linear(64, Bars.Pixels));

    public Decoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}
