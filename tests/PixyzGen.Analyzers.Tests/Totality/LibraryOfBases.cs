namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// A library the user's project references: bases and members of every accessibility, compiled as its own assembly
/// (<see cref="ProjectSettings.Library"/>). <see cref="ForwardBases"/> are the Normal bases whose only Forward takes x,
/// with whether a class deriving from them in another assembly can call it.
/// </summary>
public static class LibraryOfBases
{
    public const string Source = """
        using PixyzGen;
        using static TorchSharp.torch;
        namespace Lib;
        public class PrivateProtectedForward : Normal { private protected NormalParams Forward(Tensor x) => new(x, x.exp()); }
        public class InternalForward : Normal { internal NormalParams Forward(Tensor x) => new(x, x.exp()); }
        public class ProtectedForward : Normal { protected NormalParams Forward(Tensor x) => new(x, x.exp()); }
        public class ProtectedInternalForward : Normal { protected internal NormalParams Forward(Tensor x) => new(x, x.exp()); }
        public class HiddenNames : Normal
        {
            internal const string Signature = "lib";
            private protected static string Latex => "lib";
            internal Tensor Mean(Tensor x) => x;
            internal Tensor Sample(Tensor x, params long[] sampleShape) => x;
            protected NormalParams Forward(Tensor x) => new(x, x.exp());
        }
        public class VisibleNames : Normal
        {
            protected const string Signature = "lib";
            public Tensor Mean(Tensor x) => x;
            protected NormalParams Forward(Tensor x) => new(x, x.exp());
        }
        [Distribution("q(z|x)")] public sealed partial class LibEnc : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); }
        [Distribution("p(x|z)")] public sealed partial class LibDec : Bernoulli { private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(z); }
        [Distribution("p(z)")] public sealed partial class LibPri() : Normal(0, 1, features: [2]);
        public abstract class VaeBase : GenerativeModel
        {
            private protected LibEnc Q { get; } = new();
            internal LibPri Pz { get; } = new();
            protected LibDec P { get; } = new();
            public LibEnc WriteOnly { set { } }
            public LibEnc PrivateGetter { private get; set; } = new();
            internal const string Factorization = "lib";
            internal Tensor Sample(long batchSize = 1) => zeros(1);
            public class Latex { }
        }
        """;

    /// <summary>
    /// Each base whose Forward(Tensor x) is declared with another accessibility, and whether a derived class of another
    /// assembly can call it; two also declare members under generated names (hidden where visible, left alone where not).
    /// </summary>
    public static readonly (string Name, bool ForwardUsable)[] ForwardBases =
    {
        ("PrivateProtectedForward", false), ("InternalForward", false), ("ProtectedForward", true), ("ProtectedInternalForward", true),
        ("HiddenNames", true), ("VisibleNames", true),
    };

    /// <summary>
    /// The abstract model base: of its distribution members only <see cref="InheritedMember"/> is one a derived model in
    /// another assembly can read (the others are private protected, internal, write-only or with a private getter); it
    /// also declares names the generator writes (an internal Factorization and Sample, a public nested Latex).
    /// </summary>
    public const string ModelBase = "VaeBase";

    /// <summary>The nested types of <see cref="ModelBase"/>: inside a derived model their names mean them, not a distribution class of that name.</summary>
    public static readonly string[] ModelBaseNestedTypes = { "Latex" };

    /// <summary>The member a model deriving from <see cref="ModelBase"/> inherits: its name, signature and family.</summary>
    public static readonly (string Name, string Signature, string Family) InheritedMember = ("P", "p(x|z)", "Bernoulli");
}
