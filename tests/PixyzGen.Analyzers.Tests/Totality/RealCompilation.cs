using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.Generator;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// How a user project is set up: its language version and nullable context, a library it references (built first,
/// with PixyzGen's generator, as a project reference would be), and the extern aliases under which it references the
/// Runtime and TorchSharp.
/// </summary>
public sealed record ProjectSettings(
    LanguageVersion LanguageVersion = LanguageVersion.Latest,
    NullableContextOptions Nullable = NullableContextOptions.Enable,
    string? Library = null,
    string? RuntimeAlias = null,
    string? TorchSharpAlias = null,
    bool Executable = false)
{
    public static readonly ProjectSettings Default = new();
}

/// <summary>
/// A user project as a build sees it: the generator, then csc's diagnostics (warnings count, as under
/// TreatWarningsAsErrors; documentation comments diagnosed), then the analyzer, unless declarations have errors (csc
/// stops before analyzers then). Runs on a thread with csc's 1 MB stack,
/// so a walk that recurses per term fails here as it fails a real build. <see cref="DocumentationXml"/> is the XML
/// documentation file the build writes.
/// </summary>
public sealed record RealCompilation(
    Exception? GeneratorException, IReadOnlyList<Diagnostic> GeneratorDiagnostics, IReadOnlyList<Diagnostic> GeneratedFileDiagnostics,
    IReadOnlyList<Diagnostic> UserFileDiagnostics, IReadOnlyList<Diagnostic> PixyzDiagnostics, IReadOnlyDictionary<string, string> Generated,
    string DocumentationXml)
{
    /// <summary>The PXY IDs reported, by the analyzer or the generator, sorted, errors, warnings and infos alike.</summary>
    public IReadOnlyList<string> PixyzIds => PixyzDiagnostics.Concat(GeneratorDiagnostics.Where(d => d.Id.StartsWith("PXY", StringComparison.Ordinal)))
        .Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();

    public static RealCompilation Of(params string[] sources) => Of(ProjectSettings.Default, sources);

    public static RealCompilation Of(ProjectSettings settings, params string[] sources)
    {
        RealCompilation? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = Run(settings, sources); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the compilation failed", failure);
        return result!;
    }

    private static CSharpParseOptions Parse(ProjectSettings settings) => new(settings.LanguageVersion, DocumentationMode.Diagnose);

    // Warning level 10, as the .NET 10 SDK sets it: its warning waves (CS8981 for lower-case type names, ...) are on.
    private static CSharpCompilationOptions Options(ProjectSettings settings) =>
        new CSharpCompilationOptions(settings.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: settings.Nullable, warningLevel: 10)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    private static IEnumerable<MetadataReference> References(ProjectSettings settings)
    {
        var runtime = MetadataReference.CreateFromFile(typeof(PixyzGen.Normal).Assembly.Location);
        var torch = MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location);
        return Basic.Reference.Assemblies.Net100.References.All
            .Append(settings.RuntimeAlias is { } r ? runtime.WithAliases(new[] { r }) : runtime)
            .Append(settings.TorchSharpAlias is { } t ? torch.WithAliases(new[] { t }) : torch);
    }

    /// <summary>The library, generated and compiled as its own project (latest C#), as an assembly image.</summary>
    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create("UserLibrary", new[] { CSharpSyntaxTree.ParseText(source, Parse(ProjectSettings.Default), path: "Library.cs") },
            References(ProjectSettings.Default), Options(ProjectSettings.Default));
        CSharpGeneratorDriver.Create(new[] { new PixyzGenerator().AsSourceGenerator() }, parseOptions: Parse(ProjectSettings.Default))
            .RunGeneratorsAndUpdateCompilation(library, out var generated, out _);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException("the library does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static RealCompilation Run(ProjectSettings settings, string[] sources)
    {
        var parse = Parse(settings);
        var references = References(settings).ToList();
        if (settings.Library is { } library) references.Add(Library(library));
        var compilation = CSharpCompilation.Create(
            "UserProject",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"User{i}.cs")),
            references, Options(settings));
        var driver = CSharpGeneratorDriver.Create(new[] { new PixyzGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var generatedTrees = new HashSet<SyntaxTree>(run.GeneratedSources.Select(s => s.SyntaxTree));
        var compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
        // csc stops at declaration errors before any analyzer runs: then only the generator's diagnostics are seen.
        var declarationErrors = output.GetDeclarationDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);
        var pixyz = declarationErrors ? new List<Diagnostic>() : output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DslStringAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("PXY", StringComparison.Ordinal)).ToList();
        var documentation = "";
        if (!compilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            using var image = new MemoryStream();
            using var xml = new MemoryStream();
            output.Emit(image, xmlDocumentationStream: xml);
            documentation = System.Text.Encoding.UTF8.GetString(xml.ToArray());
        }
        return new RealCompilation(
            run.Exception,
            generatorDiagnostics,
            compilerDiagnostics.Where(d => d.Location.SourceTree is { } t && generatedTrees.Contains(t)).ToList(),
            // Test sources need not document themselves.
            compilerDiagnostics.Where(d => !(d.Location.SourceTree is { } t && generatedTrees.Contains(t)) && d.Id != "CS1591").ToList(),
            pixyz,
            run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()),
            documentation);
    }

    /// <summary>The generator did not throw or report anything but PXY diagnostics, and its files compile without a warning.</summary>
    public void AssertGeneratedCodeIsClean()
    {
        Assert.That(GeneratorException, Is.Null, "the generator threw (CS8785 in a build)");
        Assert.That(GeneratorDiagnostics.Where(d => !d.Id.StartsWith("PXY", StringComparison.Ordinal)), Is.Empty, "the generator reports only PXY diagnostics");
        Assert.That(GeneratedFileDiagnostics, Is.Empty, () => "generated files must compile warning-free:\n" + string.Join("\n", GeneratedFileDiagnostics.Take(20)
            .Select(d => $"{d}\n    at: {Abbreviated(d.Location.SourceTree?.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? "")}")));
        // Every analyzer diagnostic points into the user's source (a base of another assembly has none to point at).
        Assert.That(PixyzDiagnostics.Where(d => !d.Location.IsInSource), Is.Empty, "PXY diagnostics point into the user's source");
    }

    private static string Abbreviated(string line) => line.Length <= 300 ? line : line[..150] + " ... " + line[^150..];
}
