using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.Analyzers.Tests.Totality;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>
/// PXY0309: the project's C# is older than what PixyzGen generates (C# 9). The generator reports it, once, and writes
/// nothing; from C# 9 on there is none.
/// </summary>
public class PXY0309Tests
{
    [TestCase(LanguageVersion.CSharp7_3, "7.3")]
    [TestCase(LanguageVersion.CSharp8, "8.0")]
    public void Once_naming_the_version_and_nothing_is_generated(LanguageVersion version, string text)
    {
        var build = RealCompilation.Of(new ProjectSettings(LanguageVersion: version, Nullable: Microsoft.CodeAnalysis.NullableContextOptions.Disable),
            Sources.Usings + "[Distribution(\"p(z)\")] public sealed partial class Pri : Normal { public Pri() : base(0, 1, features: new long[] { 2 }) { } }\n");
        var reported = build.GeneratorDiagnostics.Where(d => d.Id == "PXY0309").ToList();
        Assert.That(reported, Has.Count.EqualTo(1));
        Assert.That(reported[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo($"PixyzGen generates C# 9.0 or later, but this project uses C# {text}: set <LangVersion> to 9.0 or later"));
        Assert.That(build.Generated, Is.Empty);
    }

    [Test]
    public void None_from_CSharp_9()
    {
        var build = RealCompilation.Of(new ProjectSettings(LanguageVersion: LanguageVersion.CSharp9),
            Sources.Usings + "[Distribution(\"p(z)\")] public sealed partial class Pri : Normal { public Pri() : base(0, 1, features: new long[] { 2 }) { } }\n");
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.GeneratorDiagnostics, Is.Empty);
        Assert.That(build.Generated, Is.Not.Empty);
    }
}
