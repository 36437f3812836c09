using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.Generator;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// A user project as a build sees it: the generator, then csc's diagnostics (warnings count, as under
/// TreatWarningsAsErrors; documentation comments diagnosed), then the analyzer. Runs on a thread with csc's 1 MB stack,
/// so a walk that recurses per term fails here as it fails a real build.
/// </summary>
public sealed record RealCompilation(
    Exception? GeneratorException, IReadOnlyList<Diagnostic> GeneratorDiagnostics, IReadOnlyList<Diagnostic> GeneratedFileDiagnostics,
    IReadOnlyList<Diagnostic> UserFileDiagnostics, IReadOnlyList<Diagnostic> PixyzDiagnostics, IReadOnlyDictionary<string, string> Generated)
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The PXY IDs reported, sorted, errors, warnings and infos alike.</summary>
    public IReadOnlyList<string> PixyzIds => PixyzDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();

    public static RealCompilation Of(params string[] sources)
    {
        RealCompilation? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = Run(sources); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the compilation failed", failure);
        return result!;
    }

    private static RealCompilation Run(string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "UserProject",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"User{i}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(new[] { new PixyzGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var generatedTrees = new HashSet<SyntaxTree>(run.GeneratedSources.Select(s => s.SyntaxTree));
        var compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var pixyz = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DslStringAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("PXY", StringComparison.Ordinal)).ToList();
        return new RealCompilation(
            run.Exception,
            generatorDiagnostics,
            compilerDiagnostics.Where(d => d.Location.SourceTree is { } t && generatedTrees.Contains(t)).ToList(),
            // Test sources need not document themselves.
            compilerDiagnostics.Where(d => !(d.Location.SourceTree is { } t && generatedTrees.Contains(t)) && d.Id != "CS1591").ToList(),
            pixyz,
            run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }

    /// <summary>The generator did not throw or report, and its files compile without a warning.</summary>
    public void AssertGeneratedCodeIsClean()
    {
        Assert.That(GeneratorException, Is.Null, "the generator threw (CS8785 in a build)");
        Assert.That(GeneratorDiagnostics, Is.Empty, "the generator reports nothing itself");
        Assert.That(GeneratedFileDiagnostics, Is.Empty, () => "generated files must compile warning-free:\n" + string.Join("\n", GeneratedFileDiagnostics.Take(20)));
    }
}
