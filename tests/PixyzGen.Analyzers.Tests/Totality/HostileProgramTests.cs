using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// Legal C# of the kinds that broke builds, one class of defect per group, built for real (generator, csc, analyzer)
/// under the project settings users choose: a referenced library of bases, language versions, nullable contexts, extern
/// aliases. The generator never throws, its files compile with zero errors and warnings, and the PXY diagnostics (from
/// the analyzer or, where the generator cannot write what a type needs, from the generator) are exactly the expected
/// ones. <see cref="Case.UserErrors"/> lists compiler errors the user's own file gets when no generated member can fill it.
/// </summary>
public class HostileProgramTests
{
    private const string Prelude = Sources.Usings + Sources.Encoder + Sources.Decoder + Sources.Prior + "\n";
    private const string VaeMembers = "public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();";
    private const string VaeLoss = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])";
    private const string LossMethod = "[Loss(\"" + VaeLoss + "\")] public partial Tensor Loss(Tensor x);";

    private static string Vae(string body = VaeMembers + "\n" + LossMethod, string name = "Vae", string baseType = "GenerativeModel") =>
        $"[Model(\"p(x,z) = p(x|z) p(z)\")]\npublic sealed partial class {name} : {baseType}\n{{\n    {body}\n}}\n";

    private static readonly ProjectSettings WithLibrary = new(Library: LibraryOfBases.Source);

    public sealed record Case(string Name, ProjectSettings Settings, string[] Sources, string[] Expected, string[] UserErrors)
    {
        public override string ToString() => Name;
    }

    private static Case C(string name, string source, params string[] expected) => new(name, ProjectSettings.Default, new[] { Prelude + source }, expected, System.Array.Empty<string>());

    private static Case L(string name, string source, params string[] expected) => new(name, WithLibrary, new[] { "using Lib;\n" + Prelude + source }, expected, System.Array.Empty<string>());

    private static Case S(string name, ProjectSettings settings, string source, params string[] expected) => new(name, settings, new[] { source }, expected, System.Array.Empty<string>());

    public static IEnumerable<Case> Cases()
    {
        // 1. Members are judged by what the generated type can use, not by their declared accessibility.
        yield return L("a private protected Forward in another assembly's base", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : PrivateProtectedForward;", "PXY0303");
        yield return L("an internal Forward in another assembly's base", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : InternalForward;", "PXY0303");
        yield return L("a protected Forward in another assembly's base", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : ProtectedForward;");
        yield return L("a protected internal Forward in another assembly's base", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : ProtectedInternalForward;");
        yield return L("generated names hidden in another assembly's base: inaccessible ones need no new", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : HiddenNames;");
        yield return L("generated names hidden in another assembly's base: accessible ones need new", "[Distribution(\"q(w|x)\")] public sealed partial class Enc2 : VisibleNames;");
        yield return L("a model over another assembly's base with inaccessible and write-only members",
            Vae("public Enc Q2 { get; } = new(); public Pri Pz2 { get; } = new();\n[Loss(\"mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])\")] public partial Tensor Loss(Tensor x);", baseType: "VaeBase"));
        yield return L("a model over another assembly's base that leaves the inherited member unused: the base's to remove, not reported",
            "[Model(\"p(z) = p(z)\")]\npublic sealed partial class Vae : VaeBase\n{\n    public Pri Pz2 { get; } = new();\n}\n");
        yield return L("a Forward inherited from another assembly that does not fit: reported at the type, the base has no source",
            "[Distribution(\"q(w|h)\")] public sealed partial class Enc2 : ProtectedForward;", "PXY0303");
        yield return C("a model over a base of its own that seals GenerativeModel's overrides", """
            public abstract class SealedBase : GenerativeModel
            {
                public sealed override string FactorizationText => "p(x,z) = p(x|z) p(z)";
                protected sealed override System.Collections.Generic.IEnumerable<(string Name, Distribution? Member)> DistributionMembers { get { yield break; } }
                protected sealed override Distribution BuildJoint() => throw new System.NotSupportedException();
            }
            """ + Vae(baseType: "SealedBase"), "PXY0305");
        yield return C("a distribution over a base of its own that seals its overrides", """
            public abstract class SealedEnc : Normal
            {
                protected sealed override DistributionSignature DeclaredSignature { get; } = new("q", new[] { "z" }, new[] { "x" });
                protected sealed override NormalParams ParamsFor(Variables inputs) => new(inputs["x"], inputs["x"].exp());
            }
            [Distribution("q(z|x)")] public sealed partial class Enc2 : SealedEnc { private NormalParams Forward(Tensor x) => new(x, x.exp()); }
            """, "PXY0305");
        yield return C("a model over a base of its own that hides GenerativeModel's virtual BuildJoint with a field", """
            public abstract class HidingBase : GenerativeModel
            {
                public new int BuildJoint;
            }
            """ + Vae(baseType: "HidingBase"), "PXY0305");
        yield return C("a write-only member", Vae(VaeMembers + "\npublic Enc W { set { } }\n" + LossMethod));
        yield return C("a derived model nested in its generated base", """
            [Model("p(x,z) = p(x|z) p(z)")]
            public partial class Outer : GenerativeModel
            {
                public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
                [Model("p(x,z) = p(x|z) p(z)")]
                public sealed partial class Inner : Outer
                {
                    [Loss("mean(KL(q(z|x) || p(z)))")] public partial Tensor Kl(Tensor x);
                }
            }
            """, "PXY0105");
        yield return C("a distribution derived from a generated one nested in another class", """
            public partial class Holder
            {
                [Distribution("q(z|x)")] public partial class Base : Normal { protected NormalParams Forward(Tensor x) => new(x, x.exp()); }
            }
            [Distribution("q(z|x)")] public sealed partial class Derived : Holder.Base;
            """);

        // 2. Target shapes are checked: what cannot be written is said, never a compiler cascade.
        yield return C("[Model] on a class that does not derive from GenerativeModel",
            "[Model(\"p(x,z) = p(x|z) p(z)\")]\npublic sealed partial class Vae\n{\n    " + VaeMembers + "\n    " + LossMethod + "\n}\n", "PXY0308");
        yield return C("two [Loss] overloads of one name", Vae(VaeMembers + "\n" + LossMethod + "\n[Loss(\"mean(KL(q(z|x) || p(z)))\")] public partial Tensor Loss(Tensor x, double beta);"), "PXY0206");
        yield return C("user methods named Params, Sample and LogProb with other signatures", """
            [Distribution("q(w|x)")] public sealed partial class A : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); public int Sample(Tensor x, params long[] shape) => 0; }
            [Distribution("q(w|x)")] public sealed partial class B : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); public string Params(Tensor x) => ""; }
            [Distribution("q(w|x)")] public sealed partial class C2 : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); public Tensor LogProb(object w, object x) => w as Tensor ?? throw new System.ArgumentException(); }
            [Model("p(w|x) = q(w|x)")] public sealed partial class Ma : GenerativeModel { public A Q { get; } = new(); [Loss("-mean(log q(w|x))")] public partial Tensor L(Tensor w, Tensor x); }
            [Model("p(w|x) = q(w|x)")] public sealed partial class Mb : GenerativeModel { public B Q { get; } = new(); [Loss("-mean(log q(w|x))")] public partial Tensor L(Tensor w, Tensor x); }
            [Model("p(w|x) = q(w|x)")] public sealed partial class Mc : GenerativeModel { public C2 Q { get; } = new(); [Loss("-mean(log q(w|x))")] public partial Tensor L(Tensor w, Tensor x); }
            """, "PXY0305", "PXY0305", "PXY0305");
        yield return new Case("a model nested in the Program class of top-level statements", new ProjectSettings(Executable: true), new[]
        {
            "System.Console.WriteLine(Program.Vae.Factorization);\n",
            Prelude + "public partial class Program\n{\n" + Vae() + "}\n",
        }, System.Array.Empty<string>(), System.Array.Empty<string>());
        yield return new Case("a file-local model", ProjectSettings.Default, new[] { Prelude + Vae().Replace("public sealed partial class Vae", "file sealed partial class Vae") },
            new[] { "PXY0305" }, new[] { "CS0534", "CS0534", "CS8795" });
        yield return new Case("a model that is not partial", ProjectSettings.Default, new[] { Prelude + Vae(VaeMembers).Replace("partial class Vae", "class Vae") },
            new[] { "PXY0301" }, new[] { "CS0534", "CS0534" });
        yield return new Case("two models in one class that is not partial", ProjectSettings.Default,
            new[] { Prelude + "public class Outer\n{\n" + Vae(VaeMembers) + Vae(VaeMembers, name: "Other") + "}\n" },
            new[] { "PXY0301" }, new[] { "CS0534", "CS0534", "CS0534", "CS0534" });
        yield return C("a [Loss] on a GenerativeModel without [Model]", "public partial class NoModel : GenerativeModel\n{\n    " + VaeMembers + "\n    " + LossMethod + "\n}\n", "PXY0304");

        // 3. Choices the user made about their own symbols are not reported again from generated code.
        yield return C("obsolete members, Forward and distribution types", """
            [System.Obsolete("old")] [Distribution("q(w|x)")] public sealed partial class Old : Normal { [System.Obsolete("old")] private NormalParams Forward(Tensor x) => new(x, x.exp()); }
            [System.Obsolete] [Distribution("p(w)")] public sealed partial class OldPrior() : Normal(0, 1, features: [2]);
            #pragma warning disable CS0612, CS0618
            [Model("p(w|x) = q(w|x)")] public sealed partial class M : GenerativeModel { [System.Obsolete("old")] public Old Q { get; } = new(); [System.Obsolete] public OldPrior Pw { get; } = new(); [Loss("-mean(log q(w|x)) + mean(KL(q(w|x) || p(w)))")] public partial Tensor L(Tensor w, Tensor x); }
            #pragma warning restore CS0612, CS0618
            """);
        yield return C("experimental members and Forward", """
            #pragma warning disable PXYX01, PXYX02
            [Distribution("q(w|x)")] public sealed partial class New : Normal { [System.Diagnostics.CodeAnalysis.Experimental("PXYX01")] private NormalParams Forward(Tensor x) => new(x, x.exp()); }
            [Model("p(w|x) = q(w|x)")] public sealed partial class M : GenerativeModel { [System.Diagnostics.CodeAnalysis.Experimental("PXYX02")] public New Q { get; } = new(); [Loss("-mean(log q(w|x))")] public partial Tensor L(Tensor w, Tensor x); }
            """);
        yield return C("an obsolete-as-error member is no member", """
            [Model("p(x,z) = p(x|z) p(z)")]
            public sealed partial class Vae : GenerativeModel
            {
                public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
                [System.Obsolete("gone", true)] public Pri Gone => throw new System.NotSupportedException();
                [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            }
            """);
        yield return C("nullable-annotated members", Vae("public Enc? Q { get; } = new(); public Dec? P; public Pri? Pz { get; set; } = new();\npublic Vae() { P = new(); }\n" + LossMethod));
        yield return C("a lower-case type whose CS8981 the user disabled", """
            #pragma warning disable CS8981
            [Distribution("p(w)")] public sealed partial class prior() : Normal(0, 1, features: [2]);
            [Model("p(w) = p(w)")] public sealed partial class model : GenerativeModel { public prior P { get; } = new(); }
            #pragma warning restore CS8981
            """);

        // 4. The generated text is written for the project's language and references.
        // A user who accepts CS8981 for a lower-case name disables it in the file; the generated part must not bring it back.
        const string Accepted = "#pragma warning disable CS8981\n";
        yield return C("a type named var", Accepted + "public sealed class var { }\n" + Vae(VaeMembers + "\n" + LossMethod + "\n[Loss(\"-mean(E_q(z|x)[log p(x|z)])\")] public partial Tensor Rec(Tensor x);") +
            "[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Two : GenerativeModel { " + VaeMembers + " }", "PXY0105");
        yield return C("types named like contextual keywords", Accepted + "public sealed class dynamic { } public sealed class nint { } public sealed class async { } public sealed class nameof { }\n" + Vae() +
            "[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Two : GenerativeModel { " + VaeMembers + " }", "PXY0105");
        foreach (var version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Preview })
            yield return S($"a VAE at C# {version.ToDisplayString()}", new ProjectSettings(LanguageVersion: version), OldSyntaxVae("using PixyzGen;\nusing static TorchSharp.torch;\n"));
        // An invalid [Loss]'s implementation repeats its declaration: an out parameter is scoped implicitly, not in words C# 9 lacks.
        foreach (var version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10 })
            yield return S($"an out parameter of an invalid [Loss] at C# {version.ToDisplayString()}", new ProjectSettings(LanguageVersion: version),
                OldSyntaxVae("using PixyzGen;\nusing static TorchSharp.torch;\n") + "[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Outs : GenerativeModel\n{\n    "
                + "public Enc Q { get; } = new Enc(); public Dec P { get; } = new Dec(); public Pri Pz { get; } = new Pri();\n"
                + "    [Loss(\"mean(KL(q(z|x) || p(z)))\")] public partial Tensor Kl(out Tensor x);\n}\n", "PXY0304");
        // Below C# 9 a [Loss] method is itself an error; nothing is generated, and one PXY0309 says why beside the compiler's errors.
        yield return new Case("a VAE at C# 8", new ProjectSettings(LanguageVersion: LanguageVersion.CSharp8), new[] { OldSyntaxVae("using PixyzGen;\nusing static TorchSharp.torch;\n") },
            new[] { "PXY0309" }, new[] { "CS0534", "CS0534", "CS8400", "CS8400", "CS8795", "CS8795" });
        yield return new Case("a VAE at C# 7.3", new ProjectSettings(LanguageVersion: LanguageVersion.CSharp7_3, Nullable: NullableContextOptions.Disable), new[] { OldSyntaxVae("using PixyzGen;\nusing static TorchSharp.torch;\n") },
            new[] { "PXY0309" }, new[] { "CS0534", "CS0534", "CS8370", "CS8370", "CS8795", "CS8795" });
        foreach (var nullable in new[] { NullableContextOptions.Disable, NullableContextOptions.Warnings, NullableContextOptions.Annotations, NullableContextOptions.Enable })
            yield return S($"a VAE with nullable {nullable}", new ProjectSettings(Nullable: nullable), OldSyntaxVae("using PixyzGen;\nusing static TorchSharp.torch;\n"));
        yield return S("the Runtime and TorchSharp referenced through extern aliases", new ProjectSettings(RuntimeAlias: "px", TorchSharpAlias: "ts"),
            OldSyntaxVae("extern alias px;\nextern alias ts;\nusing px::PixyzGen;\nusing static ts::TorchSharp.torch;\n"));

        // 5. The Runtime's types are known by identity, not by their namespace's name.
        yield return S("a VAE declared in namespace PixyzGen", ProjectSettings.Default, "using static TorchSharp.torch;\nnamespace PixyzGen\n{\n" + OldSyntaxVae("") + "}\n");
        yield return S("a VAE declared in namespace PixyzGen.Models", ProjectSettings.Default, "using static TorchSharp.torch;\nnamespace PixyzGen.Models\n{\n" + OldSyntaxVae("") + "}\n");
        yield return S("a VAE declared in namespace PixyzGen.Models with the Runtime under an extern alias", new ProjectSettings(RuntimeAlias: "px", TorchSharpAlias: "ts"),
            "extern alias px;\nextern alias ts;\nusing px::PixyzGen;\nusing static ts::TorchSharp.torch;\nnamespace PixyzGen.Models\n{\n" + OldSyntaxVae("") + "}\n");

        // 6. Forward overloads: the one the generated call binds to decides.
        yield return C("the matching Forward overload declared second", "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private NormalParams Forward(Tensor a, Tensor b) => new(a, b); private NormalParams Forward(Tensor x) => new(x, x.exp()); }");
        yield return C("the matching Forward overload declared first", "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); private NormalParams Forward(Tensor a, Tensor b) => new(a, b); }");
        yield return C("a params Tensor[] Forward", "[Distribution(\"q(w|x,y)\")] public sealed partial class Many : Normal { private NormalParams Forward(params Tensor[] inputs) => new(inputs[0], inputs[1].exp()); }\n" +
            "[Distribution(\"q(w|x)\")] public sealed partial class One : Normal { private NormalParams Forward(Tensor x, params Tensor[] rest) => new(x, x.exp()); }");
        yield return C("a Forward(object) that fits declared before a Forward(Tensor) helper returning a Tensor",
            "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private NormalParams Forward(object x) => new((Tensor)x, ((Tensor)x).exp()); private Tensor Forward(Tensor x) => x; }", "PXY0306");
        yield return C("two Forward overloads a Tensor converts to equally well",
            "public sealed class A { public static implicit operator A(Tensor t) => new(); } public sealed class B { public static implicit operator B(Tensor t) => new(); }\n" +
            "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private NormalParams Forward(A x) => new(zeros(1), ones(1)); private NormalParams Forward(B x) => new(zeros(1), ones(1)); }", "PXY0306");
        yield return C("a static Forward beside an instance one (C# leaves static members out of a call on this)",
            "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private static NormalParams Forward(Tensor x) => new(x, x.exp()); private NormalParams Forward(object x) => new((Tensor)x, ((Tensor)x).exp()); }");
        yield return C("a Forward obsolete as an error that the generated call would bind to",
            "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { [System.Obsolete(\"old\", true)] private NormalParams Forward(Tensor x) => new(x, x.exp()); private NormalParams Forward(object x) => new((Tensor)x, ((Tensor)x).exp()); }", "PXY0306");
        yield return C("overloads of LogDensity a Tensor fits differently, the better one fitting",
            "[Distribution(\"p(w|x)\")] public sealed partial class Dens : CustomDensity { private Tensor LogDensity(object w, object x) => zeros(1); private Tensor LogDensity(Tensor w, Tensor x) => -(w - x).pow(2).sum(-1); }");
        yield return C("no Forward overload takes the conditioning variables", "[Distribution(\"q(w|x)\")] public sealed partial class Two : Normal { private NormalParams Forward(Tensor a, Tensor b) => new(a, b); private NormalParams Forward(Tensor y) => new(y, y.exp()); }", "PXY0303");

        // 8. Sizes.
        yield return C("a lower-case distribution and model", Accepted + "[Distribution(\"p(w)\")] public sealed partial class pw() : Normal(0, 1, features: [2]);\n[Model(\"p(w) = p(w)\")] public sealed partial class mw : GenerativeModel { public pw P { get; } = new(); }");
    }

    /// <summary>A VAE in C# every supported language version reads (no primary constructors, collection expressions or target-typed new).</summary>
    private static string OldSyntaxVae(string usings) => usings + """
        [Distribution("q(z|x)")] public sealed partial class Enc : Normal { private NormalParams Forward(Tensor x) { return new NormalParams(x, x.exp()); } }
        [Distribution("p(x|z)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor z) { return BernoulliParams.FromLogits(z); } }
        [Distribution("p(z)")] public sealed partial class Pri : Normal { public Pri() : base(0, 1, features: new long[] { 2 }) { } }
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Enc Q { get; } = new Enc(); public Dec P { get; } = new Dec(); public Pri Pz { get; } = new Pri();
            [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            [Loss("-mean(IWAE_k(p(x,z) || q(z|x)))")] public partial Tensor Iwae(Tensor x, int k);
        }
        """;

    [TestCaseSource(nameof(Cases))]
    public void Builds_cleanly_with_exactly_the_expected_diagnostics(Case @case)
    {
        var build = RealCompilation.Of(@case.Settings, @case.Sources);
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.UserFileDiagnostics.Select(d => d.Id).OrderBy(i => i), Is.EqualTo(@case.UserErrors.OrderBy(i => i)),
            () => "the user's files must compile as they did:\n" + string.Join("\n", build.UserFileDiagnostics.Take(20)));
        Assert.That(build.PixyzIds, Is.EqualTo(@case.Expected.OrderBy(i => i, System.StringComparer.Ordinal).ToList()),
            () => string.Join("\n", build.PixyzDiagnostics.Concat(build.GeneratorDiagnostics).Take(20)));
    }

    [Test]
    public void The_users_documentation_of_a_loss_is_kept()
    {
        var build = RealCompilation.Of(Prelude + Vae(VaeMembers + """

            /// <summary>The user's own summary.</summary>
            /// <param name="x">The user's words on x.</param>
            /// <returns>The user's words on the result.</returns>
            [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
            [Loss("mean(KL(q(z|x) || p(z)))")] public partial Tensor Undocumented(Tensor x);
            """));
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.DocumentationXml, Does.Contain("The user's own summary.").And.Contain("The user's words on x.").And.Contain("The user's words on the result."));
        Assert.That(build.DocumentationXml, Does.Contain("M:Vae.Undocumented(TorchSharp.torch.Tensor)"), "an undocumented loss gets the generated summary");
    }
}
