using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.Generator;

namespace PixyzGen.Analyzers.Tests;

/// <summary>
/// 100,000 random and mutated DSL strings through the parser, the checkers, the analyzer and the generator, as
/// [Distribution], [Model] and [Loss] arguments of one user project per batch: nothing throws, and every string the
/// DSL rejects gets at least one PXY diagnostic located inside its string literal.
/// </summary>
public class EndToEndPropertyTests
{
    private const string Alphabet = "pqxyz()|,=+-*/[]_EKLHlogmeansuIWA 0.5^e\"\\é";
    private const int BatchSize = 2_000;
    private const int Batches = 50;

    private static readonly string[] ValidStrings =
    {
        "q(z|x)", "p(x|z)", "p(z)", "p(x,y|z)",
        "p(x,z) = p(x|z) p(z)", "p(x) = p(x|z) p(z)",
        "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])",
        "sum(beta * H[q(z|x)] - log p(x|z) / 2.5e-1)",
        "-mean(E_q(z|x)[log p(x|z) + log p(z) - log q(z|x)])",
        "-mean(E_q(z|x)^5[log p(x|z)] - IWAE_3(p(x,z) || q(z|x)))",
        "-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))",
        "mean(iterate(x | z = z)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])",
        "ADV_JS[d(t|x)](p(x|z) || p(z)) + ADV_W_D[d(t|x)](p(x|z) || p(z))",
    };

    private static readonly Gen<string> RandomText = Gen.String[Gen.Char[Alphabet], 0, 40];

    private static readonly Gen<string> MutatedText =
        from source in Gen.Int[0, ValidStrings.Length - 1].Select(i => ValidStrings[i])
        from edits in Gen.Int[1, 3]
        from positions in Gen.Int[0, 80].Array[3]
        from kinds in Gen.Int[0, 2].Array[3]
        from chars in Gen.Char[Alphabet].Array[3]
        select Enumerable.Range(0, edits).Aggregate(source, (s, k) => Mutate(s, positions[k] % (s.Length + 1), kinds[k], chars[k]));

    private static string Mutate(string s, int i, int kind, char c) => kind switch
    {
        0 when i < s.Length => s.Remove(i, 1),
        1 when i < s.Length => s.Remove(i, 1).Insert(i, c.ToString()),
        _ => s.Insert(i, c.ToString()),
    };

    private static readonly MemberSignature[] ModelMembers =
    {
        new("Q", DslParser.ParseDistribution("q(z|x)").Value!, "Normal"),
        new("P", DslParser.ParseDistribution("p(x|z)").Value!, "Bernoulli"),
        new("Pz", DslParser.ParseDistribution("p(z)").Value!, "Normal"),
    };

    private static readonly string[] LossParameters = { "x", "z", "beta" };

    private enum Role { Distribution, Model, Loss }

    [Test]
    public void Rejected_strings_always_get_a_diagnostic_inside_their_literal_and_nothing_throws()
    {
        var checkedRejections = 0;
        Gen.OneOf(RandomText, MutatedText).Array[BatchSize].Sample(batch =>
        {
            checkedRejections += CheckBatch(batch);
        }, iter: Batches, threads: 1);
        Assert.That(checkedRejections, Is.GreaterThan(Batches * BatchSize / 4), "the generators produce plenty of invalid strings");
    }

    private static int CheckBatch(string[] texts)
    {
        var source = new StringBuilder(Prelude);
        var literals = new List<(string Text, Role Role, TextSpan Span)>();
        source.Append("[Model(\"p(x,z) = p(x|z) p(z)\")] public sealed partial class Losses : GenerativeModel\n{\n    public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();\n");
        for (var i = 0; i < texts.Length; i++)
        {
            if (i % 3 != 2) continue;
            source.Append($"    [Loss(");
            literals.Add((texts[i], Role.Loss, Append(source, texts[i])));
            source.Append($")] public partial Tensor L{i}(Tensor x, Tensor z, double beta);\n");
        }
        source.Append("}\n");
        for (var i = 0; i < texts.Length; i++)
        {
            if (i % 3 == 0)
            {
                source.Append("[Distribution(");
                literals.Add((texts[i], Role.Distribution, Append(source, texts[i])));
                source.Append($")] public sealed partial class D{i}() : Normal();\n");
            }
            else if (i % 3 == 1)
            {
                source.Append("[Model(");
                literals.Add((texts[i], Role.Model, Append(source, texts[i])));
                source.Append($")] public sealed partial class M{i} : GenerativeModel {{ public Enc Q {{ get; }} = new(); public Dec P {{ get; }} = new(); public Pri Pz {{ get; }} = new(); }}\n");
            }
        }

        var compilation = Compile(source.ToString());
        var driver = CSharpGeneratorDriver.Create(new PixyzGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics);
        Assert.That(driver.GetRunResult().Results.Single().Exception, Is.Null, "the generator threw");
        Assert.That(generatorDiagnostics, Is.Empty, "the generator reports nothing itself (no CS8785)");

        var diagnostics = withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DslStringAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("PXY", StringComparison.Ordinal) && d.Location.IsInSource)
            .Select(d => d.Location.SourceSpan)
            .ToList();

        var rejected = 0;
        foreach (var (text, role, span) in literals)
        {
            if (!Rejected(text, role)) continue;
            rejected++;
            Assert.That(diagnostics.Any(d => span.Contains(d)), Is.True, $"{role} string \"{text}\" is rejected by the DSL but no PXY diagnostic lies inside its literal");
        }
        return rejected;
    }

    private static TextSpan Append(StringBuilder source, string text)
    {
        var literal = SymbolDisplay.FormatLiteral(text, quote: true);
        var start = source.Length;
        source.Append(literal);
        return new TextSpan(start, literal.Length);
    }

    private static bool Rejected(string text, Role role)
    {
        IEnumerable<DslError> errors;
        switch (role)
        {
            case Role.Distribution:
                var d = DslParser.ParseDistribution(text);
                errors = d.Errors.Concat(d.Value is { } signature ? SignatureChecker.Check(signature) : Enumerable.Empty<DslError>());
                break;
            case Role.Model:
                var f = DslParser.ParseFactorization(text);
                var list = f.Errors.ToList();
                if (f.Value is { } factorization)
                {
                    list.AddRange(FactorizationChecker.Check(factorization).Errors);
                    foreach (var factor in factorization.Factors)
                    {
                        MemberResolver.Resolve(factor, ModelMembers, out var error);
                        if (error is not null) list.Add(error);
                    }
                }
                errors = list;
                break;
            default:
                var l = DslParser.ParseLoss(text);
                errors = l.Errors.Concat(l.Value is { } loss ? LossChecker.Check(loss, ModelMembers, LossParameters, "L") : Enumerable.Empty<DslError>());
                break;
        }
        return errors.Any(e => DiagnosticCatalog.Get(e.Id).Severity == DslSeverity.Error);
    }

    private const string Prelude = Sources.Usings + Sources.Encoder + Sources.Decoder + Sources.Prior + "\n";

    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "PropertyProject",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Strings.cs") },
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
