using System;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// Whole user programs drawn at random (<see cref="UserProgram"/>), built for real in batches: the generator never
/// throws, its files compile with zero errors and warnings, the user's code compiles, and each program's PXY
/// diagnostics are exactly what the Dsl's rules say of its description (<see cref="ExpectedDiagnostics"/>).
/// Each batch is one project with settings drawn too: its C# version (8 to preview; below 12 the programs are written
/// without C# 12's syntax; below 9, the oldest PixyzGen writes for, nothing is generated and one PXY0309 says why), its nullable context, and whether it references the
/// Runtime and TorchSharp under extern aliases; every project references a library of bases (<see cref="LibraryOfBases"/>)
/// from which some distributions inherit their Forward, of every accessibility, and some models their members; some
/// distributions declare a second Forward overload, before or after their own.
/// A fixed seed, so CI runs the same 2,000 programs every time; set PIXYZGEN_PROGRAMS for a longer run.
/// </summary>
public class UserProgramPropertyTests
{
    private const int ProgramsPerBuild = 25;

    private static int Programs => int.TryParse(Environment.GetEnvironmentVariable("PIXYZGEN_PROGRAMS"), out var n) ? n : 2_000;

    private static readonly Gen<(ProjectSettings Settings, UserProgram[] Programs)> Batches = Gen.Int.Array[ProgramsPerBuild]
        .Select(seeds => (Settings(new Random(seeds[0] ^ 0x5eed)), seeds.Select(s => UserProgram.Draw(new Random(s))).ToArray()));

    private static readonly LanguageVersion[] Versions =
    {
        LanguageVersion.CSharp8, LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.CSharp13, LanguageVersion.CSharp14,
        LanguageVersion.Preview, LanguageVersion.Latest,
    };

    private static ProjectSettings Settings(Random random)
    {
        var aliased = random.Next(4) == 0;
        return new ProjectSettings(Versions[random.Next(Versions.Length)], (NullableContextOptions)random.Next(4),
            Library: LibraryOfBases.Source, RuntimeAlias: aliased ? "px" : null, TorchSharpAlias: aliased ? "ts" : null);
    }

    [Test]
    public void Random_programs_build_cleanly_with_exactly_the_expected_diagnostics()
    {
        var built = 0;
        var withDiagnostics = 0;
        var libraryBases = new System.Collections.Generic.HashSet<string>();
        var versions = new System.Collections.Generic.HashSet<LanguageVersion>();
        var fromLibraryModels = 0;
        var overloads = new System.Collections.Generic.HashSet<OverloadPlace>();
        Batches.Sample(batch =>
        {
            versions.Add(batch.Settings.LanguageVersion);
            fromLibraryModels += batch.Programs.Count(p => p.DerivesFromLibrary);
            overloads.UnionWith(batch.Programs.SelectMany(p => p.Distributions).Select(d => d.Overload));
            withDiagnostics += Check(batch.Settings, batch.Programs);
            built += batch.Programs.Length;
            libraryBases.UnionWith(batch.Programs.SelectMany(p => p.Distributions).Select(d => d.LibraryBase).OfType<string>());
        }, iter: Programs / ProgramsPerBuild, threads: 1, seed: "0000000000001");
        TestContext.Out.WriteLine($"{built} programs built, {withDiagnostics} with PXY diagnostics");
        Assert.That(built, Is.GreaterThanOrEqualTo(Programs));
        // The draw must exercise both sides: programs with diagnostics and programs without.
        Assert.That(withDiagnostics, Is.InRange(built / 10, built - built / 10));
        Assert.That(libraryBases, Is.EquivalentTo(LibraryOfBases.ForwardBases.Select(b => b.Name)), "every base of the library was drawn");
        Assert.That(versions, Is.EquivalentTo(Versions), "every language version was drawn");
        Assert.That(fromLibraryModels, Is.GreaterThan(0), "models deriving from the library's base were drawn");
        Assert.That(overloads, Is.EquivalentTo(System.Enum.GetValues<OverloadPlace>()), "Forward overloads before and after the one that fits were drawn");
    }

    // The compiler's errors a project below C# 9 gets: features of newer versions, and what the generator would have
    // written (partial methods' implementations, GenerativeModel's abstract members).
    private static readonly string[] OldLanguageErrors = { "CS8400", "CS8370", "CS8795", "CS0534" };

    /// <summary>Below C# 9 nothing is generated; one PXY0309 says why, and the compiler's own errors are only of those kinds.</summary>
    private static int OlderThanSupported(RealCompilation build, int programs)
    {
        Assert.That(build.Generated, Is.Empty, "nothing is generated below C# 9");
        Assert.That(build.PixyzIds, Is.EqualTo(new[] { "PXY0309" }), "one PXY0309 for the project");
        var others = build.UserFileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !OldLanguageErrors.Contains(d.Id)).ToList();
        Assert.That(others, Is.Empty, () => "below C# 9 the user's code fails only for its language version:\n" + string.Join("\n", others.Take(10)));
        return programs;
    }

    private static int Check(ProjectSettings settings, UserProgram[] programs)
    {
        var source = new StringBuilder(settings.RuntimeAlias is { } alias
            ? $"extern alias {alias};\nextern alias {settings.TorchSharpAlias};\nusing {alias}::PixyzGen;\nusing static {settings.TorchSharpAlias}::TorchSharp.torch;\n"
            : "using PixyzGen;\nusing static TorchSharp.torch;\n");
        var spans = new (int Start, int End)[programs.Length];
        for (var i = 0; i < programs.Length; i++)
        {
            var start = source.Length;
            source.Append(programs[i].Source($"P{i}", primaryConstructors: settings.LanguageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp12));
            spans[i] = (start, source.Length);
        }
        var text = source.ToString();
        var build = RealCompilation.Of(settings, text);
        build.AssertGeneratedCodeIsClean();
        if (settings.LanguageVersion.MapSpecifiedToEffectiveVersion() < LanguageVersion.CSharp9) return OlderThanSupported(build, programs.Length);
        var userErrors = build.UserFileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(userErrors, Is.Empty, () => $"the user's code must compile ({settings}):\n" + string.Join("\n", userErrors.Take(10)) + "\n" + text);

        var withDiagnostics = 0;
        for (var i = 0; i < programs.Length; i++)
        {
            var (start, end) = spans[i];
            var actual = build.PixyzDiagnostics.Where(d => d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.Start < end)
                .Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var expected = ExpectedDiagnostics.Of(programs[i]);
            Assert.That(actual, Is.EqualTo(expected), () => $"program {i}:\n{text.Substring(start, end - start)}\nreported:\n{string.Join("\n", build.PixyzDiagnostics.Where(d => d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.Start < end))}");
            if (expected.Count > 0) withDiagnostics++;
        }
        return withDiagnostics;
    }
}
