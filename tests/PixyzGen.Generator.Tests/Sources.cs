namespace PixyzGen.Generator.Tests;

/// <summary>User code the tests feed the generator.</summary>
internal static class Sources
{
    public const string VaeDistributions = """
        using PixyzGen;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Demo;

        [Distribution("q(z|x)")]
        public sealed partial class Encoder : Normal
        {
            private readonly Module<Tensor, Tensor> net = Linear(784, 128);
            public Encoder() : base() => RegisterComponents();
            private NormalParams Forward(Tensor x) { var h = net.call(x).chunk(2, -1); return new(h[0], functional.softplus(h[1])); }
        }

        [Distribution("p(x|z)")]
        public sealed partial class Decoder : Bernoulli
        {
            private readonly Module<Tensor, Tensor> net = Linear(64, 784);
            public Decoder() : base() => RegisterComponents();
            private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
        }

        [Distribution("p(z)")]
        public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [64]);
        """;

    public const string VaeLoss = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])";

    public static readonly string VaeModel = VaeModelWithLoss(VaeLoss);

    /// <summary>The VAE model of <see cref="VaeDistributions"/> with another loss method: the source builder of loss-body tests.</summary>
    public static string VaeModelWithLoss(string formula, string parameters = "Tensor x") => $$"""
        using PixyzGen;
        using static TorchSharp.torch;

        namespace Demo;

        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Encoder Q { get; } = new();
            public Decoder P { get; } = new();
            public Prior Pz { get; } = new();

            [Loss("{{formula}}")]
            public partial Tensor Loss({{parameters}});
        }
        """;

    public const string Unrelated = """
        namespace Demo;
        public static class Unrelated { public static int Answer => 42; }
        """;
}
