using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>The MNIST notebooks' fully connected networks: two hidden layers of 512 (ReLU), and a Normal's two heads.</summary>
public static class Mlp
{
    public static Module<Tensor, Tensor> Of(int inputs, int outputs) => Sequential(Linear(inputs, 512), ReLU(), Linear(512, 512), ReLU(), Linear(512, outputs));

    /// <summary>The first half of the network's output is the loc, softplus of the second half the scale.</summary>
    public static NormalParams Gaussian(Module<Tensor, Tensor> net, Tensor input)
    {
        var h = net.call(input).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}
