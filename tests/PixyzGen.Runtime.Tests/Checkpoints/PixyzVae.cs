using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace PixyzGen.Runtime.Tests.Checkpoints;

/// <summary>q(z|x) of Fixtures/PyTorch/pixyz_vae.py, field for field, so the state-dict keys are Pixyz's.</summary>
[Distribution("q(z|x)")]
public sealed partial class PixyzEncoder : Normal
{
    private readonly TorchSharp.Modules.Linear fc1;
    private readonly TorchSharp.Modules.Linear fc_loc;
    private readonly TorchSharp.Modules.Linear fc_scale;

    public PixyzEncoder(int hidden = 8)
    {
        fc1 = nn.Linear(6, hidden);
        fc_loc = nn.Linear(hidden, 2);
        fc_scale = nn.Linear(hidden, 2);
        RegisterComponents();
    }

    private NormalParams Forward(Tensor x)
    {
        var h = relu(fc1.call(x));
        return new NormalParams(fc_loc.call(h), softplus(fc_scale.call(h)));
    }
}

/// <summary>p(x|z) of the fixture.</summary>
[Distribution("p(x|z)")]
public sealed partial class PixyzDecoder : Bernoulli
{
    private readonly TorchSharp.Modules.Linear fc1 = nn.Linear(2, 8);
    private readonly TorchSharp.Modules.Linear fc2 = nn.Linear(8, 6);

    public PixyzDecoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromProbs(fc2.call(relu(fc1.call(z))).sigmoid());
}

[Distribution("p_prior(z)")]
public sealed partial class PixyzPrior() : Normal(loc: 0, scale: 1, features: [2]);

[Model("p(x,z) = p(x|z) p_prior(z)")]
public sealed partial class PixyzVae : GenerativeModel
{
    public PixyzEncoder Q { get; } = new();
    public PixyzDecoder P { get; } = new();
    public PixyzPrior Prior { get; } = new();

    [Loss("mean(KL(q(z|x) || p_prior(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor Loss(Tensor x);
}
