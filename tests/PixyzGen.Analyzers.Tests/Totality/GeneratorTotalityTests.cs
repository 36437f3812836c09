using System.Collections.Generic;
using System.Linq;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// The generator never breaks a build: each program below is one the compiler accepts without PixyzGen's output
/// (but for the members PixyzGen writes), built for real (generator, csc, analyzer). The generator does not throw, its
/// files compile with zero errors and warnings, the user's files are untouched by errors, and the PXY diagnostics are
/// exactly the expected ones. Each case is a defect class that once broke builds.
/// </summary>
public class GeneratorTotalityTests
{
    // Enc q(z|x), Dec p(x|z), Pri p(z).
    private const string Prelude = Sources.Usings + Sources.Encoder + Sources.Decoder + Sources.Prior + "\n";

    private const string VaeMembers = "public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();";

    private const string VaeLoss = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])";

    private static string Model(string body, string factorization = "p(x,z) = p(x|z) p(z)", string name = "Vae") =>
        $"[Model(\"{factorization}\")]\npublic sealed partial class {name} : GenerativeModel\n{{\n    {body}\n}}\n";

    private static string Repeat(string term, string separator, int count) => string.Join(separator, Enumerable.Repeat(term, count));

    public sealed record Case(string Name, string[] Sources, string[] Expected)
    {
        public override string ToString() => Name;
    }

    private static Case C(string name, string source, params string[] expected) => new(name, new[] { Prelude + source }, expected);

    public static IEnumerable<Case> Cases()
    {
        // 1. Sizes: long sums and products, long factorizations, a string past the limit.
        yield return C("a sum of 5,000 KL terms", Model($"{VaeMembers}\n[Loss(\"mean({Repeat("KL(q(z|x) || p(z))", " + ", 5000)} - E_q(z|x)[log p(x|z)])\")] public partial Tensor Loss(Tensor x);"));
        yield return C("a sum of 20,000 hyper-parameter terms", Model($"{VaeMembers}\n[Loss(\"{VaeLoss} + {Repeat("beta", " - ", 20000)}\")] public partial Tensor Loss(Tensor x, double beta);"));
        yield return C("a product of 5,000 factors", Model($"{VaeMembers}\n[Loss(\"{VaeLoss} * {Repeat("beta", " * ", 2500)} / {Repeat("beta", " / ", 2500)}\")] public partial Tensor Loss(Tensor x, double beta);"));
        yield return C("a factorization of 2,000 factors no member declares",
            Model("", "p(" + string.Join(",", Enumerable.Range(1, 2000).Select(i => $"v{i}")) + "|v0) = " + string.Join(" ", Enumerable.Range(1, 2000).Select(i => $"p(v{i}|v{i - 1})"))),
            Enumerable.Repeat("PXY0201", 2000).ToArray());
        yield return C("a distribution over more variables than a C# method takes parameters",
            $"[Distribution(\"q(z|{Repeat("a", ",", DslParser.MaxVariables)})\")] public sealed partial class Wide : Normal {{ private NormalParams Forward(params Tensor[] xs) => new(xs[0], xs[0].exp()); }}", "PXY0001");
        yield return C("a loss string past the length limit", Model($"{VaeMembers}\n[Loss(\"{VaeLoss} + {Repeat("beta", " + ", DslParser.MaxLength / 7)}\")] public partial Tensor Loss(Tensor x, double beta);"), "PXY0005");

        // 2. Parameter types.
        yield return C("an observed variable typed Tensor?", Model($"{VaeMembers}\n[Loss(\"{VaeLoss}\")] public partial Tensor Loss(Tensor? x);"), "PXY0304");
        yield return C("an observed variable typed double", Model($"{VaeMembers}\n[Loss(\"{VaeLoss}\")] public partial Tensor Loss(double x);"), "PXY0214", "PXY0214", "PXY0214");
        yield return C("hyper-parameters typed string, object, Tensor[] and double?", Model($$"""
            {{VaeMembers}}
            [Loss("{{VaeLoss}} * beta")] public partial Tensor L1(Tensor x, string beta);
            [Loss("{{VaeLoss}} * beta")] public partial Tensor L2(Tensor x, object beta);
            [Loss("{{VaeLoss}} * beta")] public partial Tensor L3(Tensor x, Tensor[] beta);
            [Loss("{{VaeLoss}} * beta")] public partial Tensor L4(Tensor x, double? beta);
            """), "PXY0304", "PXY0304", "PXY0304", "PXY0304");
        yield return C("hyper-parameters typed int, long and float", Model($"{VaeMembers}\n[Loss(\"{VaeLoss} * a / b + c\")] public partial Tensor Loss(Tensor x, int a, long b, float c);"));

        // 3. Hint names.
        yield return C("Prior and prior in one namespace", """
            #pragma warning disable CS8981
            namespace Twins
            {
                [Distribution("p(z)")] public sealed partial class Prior() : Normal(0, 1, features: [2]);
                [Distribution("p(w)")] public sealed partial class prior() : Normal(0, 1, features: [2]);
            }
            """);

        // 4. Nested iterations.
        yield return C("an iteration nested in another's step", Model($"{VaeMembers}\n[Loss(\"mean(iterate(x | z = z0)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + iterate(x | z = z1)[E_q(z|x)[log p(x|z)]]])\")] public partial Tensor Loss(Tensor x, Tensor z0, Tensor z1);"));
        yield return C("an outer carry drawn only inside a nested iteration", Model($"{VaeMembers}\n[Loss(\"mean(iterate(x | z = z0)[KL(q(z|x) || p(z)) + iterate(x | z = z1)[E_q(z|x)[log p(x|z)]]])\")] public partial Tensor Loss(Tensor x, Tensor z0, Tensor z1);"), "PXY0203");

        // 5. Line separators and other characters that end a comment's line.
        yield return C("line and paragraph separators and NEL in every DSL string", """
            [Distribution("p(w)\u0085")] public sealed partial class Pw() : Normal(0, 1, features: [2]);
            [Model("p(x,z) =\u2029p(x|z) p(z)\u2028")]
            public sealed partial class Vae : GenerativeModel
            {
                public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
                [Loss("mean(KL(q(z|x) || p(z))\u2028- E_q(z|x)[log p(x|z)])\u0085\u2029")] public partial Tensor Loss(Tensor x);
            }
            """);

        // 6. Partial signatures the generator must mirror.
        foreach (var (name, declaration) in new[]
        {
            ("ref", "public partial Tensor L(ref Tensor x);"),
            ("in", "public partial Tensor L(in Tensor x);"),
            ("out", "public partial Tensor L(out Tensor x);"),
            ("params", "public partial Tensor L(params Tensor[] x);"),
            ("static", "public static partial Tensor L(Tensor x);"),
            ("generic", "internal partial Tensor L<T>(Tensor x) where T : class, new();"),
            ("ref-returning", "public partial ref Tensor L(Tensor x);"),
        })
            yield return C($"a {name} [Loss] method", Model($"{VaeMembers}\n[Loss(\"{VaeLoss}\")] {declaration}"), "PXY0304");
        yield return C("a [Loss] method of a class without [Model]", $"public partial class NoModel : GenerativeModel\n{{\n    public override string FactorizationText => \"\";\n    protected override System.Collections.Generic.IEnumerable<(string Name, Distribution? Member)> DistributionMembers {{ get {{ yield break; }} }}\n    [Loss(\"{VaeLoss}\")] public partial Tensor L(Tensor x);\n    [Loss(\"{VaeLoss}\")] protected internal partial Tensor M(Tensor x);\n}}\n", "PXY0304", "PXY0304");

        // 7. Names that collide with generated ones.
        yield return C("hyper-parameters named scope and result", Model($"{VaeMembers}\n[Loss(\"mean(scope * KL(q(z|x) || p(z)) - result * E_q(z|x)[log p(x|z)])\")] public partial Tensor Loss(Tensor x, double scope, double result);"));
        yield return C("members named scope, result, z and x", Model("public Enc scope { get; } = new(); public Dec result { get; } = new(); public Pri z { get; } = new();\n[Loss(\"" + VaeLoss + "\")] public partial Tensor Loss(Tensor x);"));
        yield return C("a member named like the loss parameter", """
            [Distribution("q(z|y)")] public sealed partial class Qy : Normal { private NormalParams Forward(Tensor y) => new(y, y.exp()); }
            [Model("p(x,z) = p(x|z) p(z)")]
            public sealed partial class Vae : GenerativeModel
            {
                public Enc x { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new(); public Qy y { get; } = new();
                [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + KL(q(z|y) || p(z)))")] public partial Tensor Loss(Tensor x, Tensor y);
            }
            """);
        yield return C("a variable named batchSize", """
            [Distribution("p(batchSize)")] public sealed partial class Pb() : Normal(0, 1, features: [2]);
            [Distribution("p(x|batchSize)")] public sealed partial class Px : Bernoulli { private BernoulliParams Forward(Tensor batchSize) => BernoulliParams.FromLogits(batchSize); }
            [Model("p(x,batchSize) = p(x|batchSize) p(batchSize)")]
            public sealed partial class Vae : GenerativeModel
            {
                public Pb Prior { get; } = new(); public Px P { get; } = new();
                [Loss("-mean(E_p(batchSize)[log p(x|batchSize)])")] public partial Tensor Loss(Tensor x);
            }
            """);
        yield return C("variables named Params, LogProbOf and SampleFrom", """
            [Distribution("q(Params|LogProbOf)")] public sealed partial class Qp : Normal { private NormalParams Forward(Tensor LogProbOf) => new(LogProbOf, LogProbOf.exp()); }
            [Distribution("p(SampleFrom|Params)")] public sealed partial class Ps : Normal { private NormalParams Forward(Tensor Params) => new(Params, Params.exp()); }
            [Model("p(SampleFrom,Params|LogProbOf) = p(SampleFrom|Params) q(Params|LogProbOf)")]
            public sealed partial class Vae : GenerativeModel
            {
                public Qp Q { get; } = new(); public Ps P { get; } = new();
                [Loss("-mean(E_q(Params|LogProbOf)[log p(SampleFrom|Params)])")] public partial Tensor Loss(Tensor SampleFrom, Tensor LogProbOf);
            }
            """);
        yield return C("variables x and X in one model", """
            [Distribution("p(x)")] public sealed partial class Lower() : Normal(0, 1, features: [2]);
            [Distribution("p(X)")] public sealed partial class Upper() : Normal(0, 1, features: [2]);
            [Model("p(x,X) = p(x) p(X)")]
            public sealed partial class Twins : GenerativeModel { public Lower A { get; } = new(); public Upper B { get; } = new(); }
            """);
        yield return C("a variable named equals", """
            [Distribution("p(equals|z)")] public sealed partial class Pe : Normal { private NormalParams Forward(Tensor z) => new(z, z.exp()); }
            [Model("p(equals,z) = p(equals|z) p(z)")]
            public sealed partial class M : GenerativeModel { public Pe E { get; } = new(); public Pri Pz { get; } = new(); }
            """);
        yield return C("a member named field", Model("public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri field { get; } = new();\n[Loss(\"" + VaeLoss + "\")] public partial Tensor Loss(Tensor x);"));
        yield return C("keywords as names: a namespace, a class, a member, a method and a parameter", """
            namespace @namespace.@class
            {
                [Model("p(x,z) = p(x|z) p(z)")]
                public sealed partial class @class : GenerativeModel
                {
                    public Enc @event { get; } = new(); public Dec @this { get; } = new(); public Pri @base { get; } = new();
                    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]) * lambda")] public partial Tensor @return(Tensor x, double lambda);
                    [Loss("mean(KL(q(z|x) || p(z)))")] public partial Tensor Unused(Tensor x, double @double);
                }
            }
            """, "PXY0206");
        yield return C("an explicit interface implementation returning a distribution", """
            public interface IHasPrior { Pri Pz { get; } }
            [Model("p(x,z) = p(x|z) p(z)")]
            public sealed partial class Vae : GenerativeModel, IHasPrior
            {
                private readonly Pri pz = new();
                public Enc Q { get; } = new(); public Dec P { get; } = new();
                Pri IHasPrior.Pz => pz;
                [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            }
            """);
        yield return C("a model and a distribution deriving from generated ones", """
            [Distribution("q(z|x)")] public partial class EncBase : Normal { protected NormalParams Forward(Tensor x) => new(x, x.exp()); }
            [Distribution("q(z|x)")] public sealed partial class EncDerived : EncBase;
            [Model("p(x,z) = p(x|z) p(z)")]
            public partial class VaeBase : GenerativeModel
            {
                public EncBase Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
                [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            }
            [Model("p(x,z) = p(x|z) p(z)")]
            public sealed partial class VaeDerived : VaeBase
            {
                [Loss("mean(KL(q(z|x) || p(z)))")] public partial Tensor KlOnly(Tensor x);
            }
            """);
        yield return C("members the user declared under generated names", """
            [Distribution("q(z|x)")]
            public sealed partial class Own : Normal
            {
                private NormalParams Forward(Tensor x) => new(x, x.exp());
                public const string Latex = "mine";
                public Tensor Mean(Tensor x) => x;
            }
            [Model("p(x,z) = p(x|z) p(z)")]
            public sealed partial class Vae : GenerativeModel
            {
                public Own Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
                public string Factorization => "mine";
                public Tensor Sample(long batchSize = 1) => throw new System.NotSupportedException();
                [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            }
            """);
        yield return C("a file-local distribution", """
            [Distribution("p(w)")] file sealed partial class Local() : Normal(0, 1, features: [2]);
            """, "PXY0305");
        yield return C("a generic model", "[Model(\"p(x,z) = p(x|z) p(z)\")]\npublic sealed partial class Generic<T> : GenerativeModel\n{\n    public override string FactorizationText => \"\";\n    protected override System.Collections.Generic.IEnumerable<(string Name, Distribution? Member)> DistributionMembers { get { yield break; } }\n    " + VaeMembers + "\n    [Loss(\"" + VaeLoss + "\")] public partial Tensor Loss(Tensor x);\n}\n", "PXY0305");

        // 8. Null arguments.
        yield return C("a null signature", "[Distribution(null!)] public sealed partial class Nothing() : Normal(0, 1, features: [2]);\n", "PXY0001");
        yield return C("a null factorization", Model($"{VaeMembers}\n[Loss(\"{VaeLoss}\")] public partial Tensor Loss(Tensor x);").Replace("[Model(\"p(x,z) = p(x|z) p(z)\")]", "[Model(null!)]"), "PXY0001");
        yield return C("a null formula", Model($"{VaeMembers}\n[Loss(null!)] public partial Tensor Loss(Tensor x);"), "PXY0005");

        // 9. Which members count: an indexer is not a distribution member.
        yield return C("an indexer returning a distribution", Model($"{VaeMembers}\npublic Pri this[int i] => Pz;\n[Loss(\"{VaeLoss}\")] public partial Tensor Loss(Tensor x);"));

        // 10. Forward's types: the generated Params calls it with Tensors and returns what it returns.
        yield return C("a Forward returning another family's parameters",
            "[Distribution(\"q(w|x)\")] public sealed partial class Wrong : Normal { private BernoulliParams Forward(Tensor x) => BernoulliParams.FromLogits(x); }\n", "PXY0306");
        yield return C("a Forward taking a double",
            "[Distribution(\"q(w|x)\")] public sealed partial class Scalar : Normal { private NormalParams Forward(double x) => new(TorchSharp.torch.tensor(x), TorchSharp.torch.tensor(1.0)); }\n", "PXY0306");
        yield return C("a Forward taking a ref Tensor",
            "[Distribution(\"q(w|x)\")] public sealed partial class ByRef : Normal { private NormalParams Forward(ref Tensor x) => new(x, x.exp()); }\n", "PXY0306");
        yield return C("a generic Forward",
            "[Distribution(\"q(w|x)\")] public sealed partial class Generic : Normal { private NormalParams Forward<T>(Tensor x) => new(x, x.exp()); }\n", "PXY0306");
        yield return C("a deterministic Forward returning parameters",
            "[Distribution(\"f(w|x)\")] public sealed partial class Det : Deterministic { private NormalParams Forward(Tensor x) => new(x, x.exp()); }\n", "PXY0306");
        yield return C("a Forward whose parameter takes Tensor as object, returning a derived Tensor", """
            [Distribution("q(w|x)")] public sealed partial class Loose : Normal { private NormalParams Forward(object x) => new((Tensor)x, ((Tensor)x).exp()); }
            [Distribution("f(w|x)")] public sealed partial class Weights : Deterministic { private TorchSharp.Modules.Parameter Forward(Tensor x) => new(x); }
            """);

        // 11. Custom densities: LogDensity is called with the value and the conditions; they cannot draw.
        yield return C("a custom density without LogDensity", "[Distribution(\"p(w)\")] public sealed partial class NoDensity : CustomDensity { }\n", "PXY0307");
        yield return C("a custom density whose LogDensity names other variables",
            "[Distribution(\"p(w|c)\")] public sealed partial class Other : CustomDensity { private Tensor LogDensity(Tensor c, Tensor w) => w; }\n", "PXY0307");
        yield return C("a custom density whose LogDensity returns a double",
            "[Distribution(\"p(w)\")] public sealed partial class Scalar : CustomDensity { private NormalParams LogDensity(Tensor w) => new(w, w.exp()); }\n", "PXY0307");
        yield return C("a custom density with variables named like generated code's names, scored and drawn from", """
            [Distribution("p(values|inputs)")] public sealed partial class @params : CustomDensity { private Tensor LogDensity(Tensor values, Tensor inputs) => -(values - inputs).square().sum(-1); }
            [Distribution("q(values|inputs)")] public sealed partial class Approx : Normal { private NormalParams Forward(Tensor inputs) => new(inputs, inputs.exp()); }
            [Model("p(values|inputs) = p(values|inputs)")]
            public sealed partial class Vi : GenerativeModel
            {
                public @params P { get; } = new(); public Approx Q { get; } = new();
                [Loss("mean(E_q(values|inputs)[log q(values|inputs) - log p(values|inputs)])")] public partial Tensor Reverse(Tensor inputs);
                [Loss("mean(KL(p(values|inputs) || q(values|inputs)))")] public partial Tensor Wrong(Tensor inputs);
            }
            """, "PXY0205", "PXY0211");
        yield return C("a mixture and its posterior over variables named like generated code's names, in losses and a model", """
            [Distribution("p(batchSize)")] public sealed partial class Responsibilities() : MixtureModel(new Distribution[] { new Normal(0.0, 1.0, var: new[] { "batchSize" }), new Normal(1.0, 1.0, var: new[] { "batchSize" }) }, new Categorical(full(2, 0.5), var: new[] { "sampleShape" }));
            [Distribution("p(sampleShape|batchSize)")] public sealed partial class Assignment(Responsibilities mixture) : MixturePosterior(mixture);
            [Model("p(batchSize) = p(batchSize)")]
            public sealed partial class Gmm : GenerativeModel
            {
                public Responsibilities P { get; } = new();
                public Assignment Q { get; }
                public Gmm() { Q = new(P); RegisterComponents(); }
                [Loss("mean(log p(batchSize)) + mean(E_p(sampleShape|batchSize)[log p(sampleShape|batchSize)]) + mean(H[p(batchSize)]) + MMD(p(batchSize) || p(batchSize))")] public partial Tensor Loss(Tensor batchSize);
            }
            """);
        yield return C("a custom density named like its generated bridge", """
            [Distribution("p(w)")] public sealed partial class LogDensityFor : CustomDensity { private Tensor LogDensity(Tensor w) => -w.square().sum(-1); }
            """, "PXY0305");
    }

    [TestCaseSource(nameof(Cases))]
    public void Builds_cleanly_with_exactly_the_expected_diagnostics(Case @case)
    {
        var build = RealCompilation.Of(@case.Sources);
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.UserFileDiagnostics, Is.Empty, () => "the user's files must compile as they did:\n" + string.Join("\n", build.UserFileDiagnostics.Take(20)));
        Assert.That(build.PixyzIds, Is.EqualTo(@case.Expected.OrderBy(i => i, System.StringComparer.Ordinal).ToList()),
            () => string.Join("\n", build.PixyzDiagnostics.Take(20)));
    }

    [Test]
    public void Two_file_local_types_of_one_name_in_two_files()
    {
        var source = "[Distribution(\"p(w)\")] file sealed partial class Local() : Normal(0, 1, features: [2]);\n";
        var build = RealCompilation.Of(Prelude, "using PixyzGen;\n" + source, "using PixyzGen;\n" + source);
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.PixyzIds, Is.EqualTo(new[] { "PXY0305", "PXY0305" }));
    }

    [Test]
    public void The_attribute_on_two_parts_of_one_class_gives_one_output()
    {
        // The compiler rejects the repeated attribute (CS0579); the generator must still not throw or collide.
        var build = RealCompilation.Of(Prelude + """
            [Distribution("p(w)")] public sealed partial class Twice() : Normal(0, 1, features: [2]);
            [Distribution("p(w)")] public sealed partial class Twice;
            """);
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.Generated.Keys.Count(k => k.StartsWith("Twice.", System.StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(build.UserFileDiagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { "CS0579" }));
    }
}
