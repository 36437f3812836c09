using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>Every C# block of the DSL reference compiles warning-free with the generator's output.</summary>
public class DocumentationTests
{
    public static IEnumerable<TestCaseData> Blocks() =>
        Regex.Matches(Repository.Read("docs", "dsl.md").Replace("\r\n", "\n"), "```csharp\n(.*?)```", RegexOptions.Singleline)
            .Select((m, i) => new TestCaseData(m.Groups[1].Value).SetName($"dsl.md block {i + 1}"));

    [TestCaseSource(nameof(Blocks))]
    public void Compiles_with_the_generator(string block)
    {
        var generated = GeneratorHarness.Run(block);
        Assert.That(generated, Is.Not.Empty, "every block declares something for the generator");
        Assert.That(generated.Values.Any(s => s.Contains("throw new global::System.InvalidOperationException")), Is.False,
            "documented examples are valid: no member falls back to throwing");
    }

    [Test]
    public void The_reference_has_an_example_of_every_construct()
    {
        var blocks = string.Concat(Blocks().Select(b => (string)b.Arguments[0]!));
        foreach (var construct in new[] { "[Distribution(\"p(z)\")]", "|y,z)", "[Model(\"p(x,z) =", "[Model(\"p(x) =", "|y) =", "KL(", "E_q", "^5[", "IWAE_10(", "MMD(", "iterate(", "ADV_JS[", "ADV_JS_D[", "H[", "mean(", "sum(", "beta *", "/ 2", "log p(z)", "-mean(", "E_q(a,z|x)[log p(x,a,z)" })
            Assert.That(blocks, Does.Contain(construct));
        Assert.That(Blocks().Count(), Is.GreaterThanOrEqualTo(5));
    }
}
