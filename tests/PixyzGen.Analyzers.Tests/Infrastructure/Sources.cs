namespace PixyzGen.Analyzers.Tests.Infrastructure;

/// <summary>Distribution classes the rule tests build models from (all valid, so only the code under test is flagged).</summary>
public static class Sources
{
    public const string Usings = """
        using PixyzGen;
        using static TorchSharp.torch;

        """;

    public const string Encoder = """[Distribution("q(z|x)")] public sealed partial class Enc : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); }""" + "\n";
    public const string Decoder = """[Distribution("p(x|z)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(z); }""" + "\n";
    public const string Prior = """[Distribution("p(z)")] public sealed partial class Pri() : Normal(0, 1, features: [2]);""" + "\n";
    public const string Posterior = """[Distribution("p(z|x)")] public sealed partial class Back : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); }""" + "\n";
    public const string OtherDecoder = """[Distribution("p(x|y)")] public sealed partial class Other : Bernoulli { private BernoulliParams Forward(Tensor y) => BernoulliParams.FromLogits(y); }""" + "\n";
    public const string LabelPrior = """[Distribution("p(y)")] public sealed partial class LabelPri() : Normal(0, 1, features: [2]);""" + "\n";

    /// <summary>Usings and every distribution class above.</summary>
    public const string All = Usings + Encoder + Decoder + Prior + Posterior + OtherDecoder + LabelPrior;

    /// <summary>A valid VAE over Enc, Dec and Pri, with <paramref name="body"/> added to the class.</summary>
    public static string Vae(string factorization = "p(x,z) = p(x|z) p(z)", string loss = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", string body = "") => All + $$"""
        [Model("{{factorization}}")]
        public sealed partial class Vae : GenerativeModel
        {
            public Enc Q { get; } = new();
            public Dec P { get; } = new();
            public Pri Pz { get; } = new();
            [Loss("{{loss}}")] public partial Tensor Loss(Tensor x);
        {{body}}
        }
        """;

    /// <summary>A GAN over Dec and Pri with the given discriminator class (named Critic, a member D) and generator loss.</summary>
    public static string Gan(string critic, string loss, string parameters = "Tensor x") => All + critic + $$"""
        [Model("p(x) = p(x|z) p(z)")]
        public sealed partial class Gan : GenerativeModel
        {
            public Dec P { get; } = new();
            public Pri Pz { get; } = new();
            public Critic D { get; } = new();
            [Loss("{{loss}}")] public partial Tensor Generator({{parameters}});
        }
        """;
}
