using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.Distributions;

/// <summary>The notebook's p_1(x|y,a): y and a through their own layers, then the Normal's parameters (x of 20).</summary>
[Distribution("p1(x|y,a)")]
public sealed partial class P1 : Normal
{
    private readonly Module<Tensor, Tensor> fromY = Sequential(Linear(30, 10), ReLU());
    private readonly Module<Tensor, Tensor> fromA = Sequential(Linear(50, 10), ReLU());
    private readonly Module<Tensor, Tensor> loc = Linear(20, 20);
    private readonly Module<Tensor, Tensor> scale = Linear(20, 20);

    public P1() => RegisterComponents();

    private NormalParams Forward(Tensor y, Tensor a)
    {
        var h = cat(new[] { fromY.call(y), fromA.call(a) }, 1);
        return new NormalParams(loc.call(h), functional.softplus(scale.call(h)));
    }
}

/// <summary>The notebook's p_2(z|x,y) (z of 20).</summary>
[Distribution("p2(z|x,y)")]
public sealed partial class P2 : Normal
{
    private readonly Module<Tensor, Tensor> fromX = Sequential(Linear(20, 30), ReLU());
    private readonly Module<Tensor, Tensor> hidden = Sequential(Linear(60, 400), ReLU());
    private readonly Module<Tensor, Tensor> loc = Linear(400, 20);
    private readonly Module<Tensor, Tensor> scale = Linear(400, 20);

    public P2() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = hidden.call(cat(new[] { fromX.call(x), y }, 1));
        return new NormalParams(loc.call(h), functional.softplus(scale.call(h)));
    }
}

[Distribution("p4(a)")]
public sealed partial class P4() : Normal(loc: 0, scale: 1, features: [50]);

[Distribution("p6(y)")]
public sealed partial class P6() : Normal(loc: 0, scale: 1, features: [30]);

/// <summary>p_all = p1 p2 p4 p6 of the notebook, as one generated joint: typed Sample and LogProb.</summary>
[Model("p_all(x,y,z,a) = p1(x|y,a) p2(z|x,y) p4(a) p6(y)")]
public sealed partial class TourModel : GenerativeModel
{
    public P1 First { get; } = new();
    public P2 Second { get; } = new();
    public P4 PriorA { get; } = new();
    public P6 PriorY { get; } = new();

    [Loss("mean(log p1(x|y,a))")]
    public partial Tensor FirstLogLikelihood(Tensor x, Tensor y, Tensor a);
}
