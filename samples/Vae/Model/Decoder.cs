using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Vae.Model;

/// <summary>p(x|z): a Bernoulli over the 784 pixels whose logits a two-layer network computes from the code.</summary>
[Distribution("p(x|z)")]
public sealed partial class Decoder : Bernoulli
{
    private readonly Module<Tensor, Tensor> net;

    public Decoder(int hidden, int latent) : base()
    {
        net = Sequential(Linear(latent, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, VaeShape.Pixels));
        RegisterComponents();
    }

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
}
