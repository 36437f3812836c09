using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.GeneratorBenchmarks;

/// <summary>The projects <see cref="GeneratorScaling"/> measures: a VAE whose loss, factorization or model count grows.</summary>
public static class Projects
{
    private const string Distributions = """
        using PixyzGen;
        using static TorchSharp.torch;
        [Distribution("q(z|x)")] public sealed partial class Enc : Normal { private NormalParams Forward(Tensor x) => new(x, x.exp()); }
        [Distribution("p(x|z)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(z); }
        [Distribution("p(z)")] public sealed partial class Pri() : Normal(0, 1, features: [2]);

        """;

    private const string Members = "public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();";

    public static string Source(GeneratorScaling.Growth kind, int size)
    {
        var text = new StringBuilder(Distributions);
        switch (kind)
        {
            case GeneratorScaling.Growth.Terms:
                // size terms in one loss: the KL and reconstruction, then hyper-parameter terms.
                text.Append("[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Vae : GenerativeModel {\n").Append(Members)
                    .Append("\n[Loss(\"mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])");
                for (var i = 2; i < size; i++) text.Append(" + beta");
                text.Append("\")] public partial Tensor Loss(Tensor x, double beta);\n}\n");
                break;
            case GeneratorScaling.Growth.Factors:
                // A chain p(v1|v0) p(v2|v1) ... of size factors.
                text.Append("[Model(\"p(").Append(string.Join(",", Enumerable.Range(1, size).Select(i => $"v{i}"))).Append("|v0) =");
                for (var i = 1; i <= size; i++) text.Append($" p(v{i}|v{i - 1})");
                text.Append("\")] public sealed partial class Chain : GenerativeModel { }\n");
                break;
            default:
                for (var i = 0; i < size; i++)
                    text.Append($"[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Vae{i} : GenerativeModel {{ {Members} [Loss(\"mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])\")] public partial Tensor Loss(Tensor x); }}\n");
                break;
        }
        return text.ToString();
    }

    private static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Concat(new[] { typeof(PixyzGen.Normal).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
        .ToArray();

    public static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Scaling",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
