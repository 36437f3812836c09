using System;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// Whole user programs drawn at random (<see cref="UserProgram"/>), built for real in batches: the generator never
/// throws, its files compile with zero errors and warnings, the user's code compiles, and each program's PXY
/// diagnostics are exactly what the Dsl's rules say of its description (<see cref="ExpectedDiagnostics"/>).
/// A fixed seed, so CI runs the same 2,000 programs every time; set PIXYZGEN_PROGRAMS for a longer run.
/// </summary>
public class UserProgramPropertyTests
{
    private const int ProgramsPerBuild = 25;

    private static int Programs => int.TryParse(Environment.GetEnvironmentVariable("PIXYZGEN_PROGRAMS"), out var n) ? n : 2_000;

    private static readonly Gen<UserProgram[]> Batches = Gen.Int.Array[ProgramsPerBuild].Select(seeds => seeds.Select(s => UserProgram.Draw(new Random(s))).ToArray());

    [Test]
    public void Random_programs_build_cleanly_with_exactly_the_expected_diagnostics()
    {
        var built = 0;
        var withDiagnostics = 0;
        Batches.Sample(batch =>
        {
            withDiagnostics += Check(batch);
            built += batch.Length;
        }, iter: Programs / ProgramsPerBuild, threads: 1, seed: "0000000000001");
        TestContext.Out.WriteLine($"{built} programs built, {withDiagnostics} with PXY diagnostics");
        Assert.That(built, Is.GreaterThanOrEqualTo(Programs));
        // The draw must exercise both sides: programs with diagnostics and programs without.
        Assert.That(withDiagnostics, Is.InRange(built / 10, built - built / 10));
    }

    private static int Check(UserProgram[] programs)
    {
        var source = new StringBuilder("using PixyzGen;\nusing static TorchSharp.torch;\n");
        var spans = new (int Start, int End)[programs.Length];
        for (var i = 0; i < programs.Length; i++)
        {
            var start = source.Length;
            source.Append(programs[i].Source($"P{i}"));
            spans[i] = (start, source.Length);
        }
        var text = source.ToString();
        var build = RealCompilation.Of(text);
        build.AssertGeneratedCodeIsClean();
        var userErrors = build.UserFileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(userErrors, Is.Empty, () => "the user's code must compile:\n" + string.Join("\n", userErrors.Take(10)) + "\n" + text);

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
