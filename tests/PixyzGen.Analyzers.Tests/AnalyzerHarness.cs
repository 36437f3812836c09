using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PixyzGen.Analyzers.Tests;

/// <summary>
/// Runs the analyzer on source written with Microsoft.CodeAnalysis.Testing's markup, <c>{|PXY0101:x|}</c>, and
/// checks that exactly the marked diagnostics are reported at exactly the marked spans.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Regex Marker = new(@"\{\|(?<id>PXY\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline);

    private static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Concat(new[] { typeof(PixyzGen.Normal).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
        .ToArray();

    public static void Verify(string markedSource)
    {
        var expected = new List<(string Id, int Start, int Length)>();
        var source = Marker.Replace(markedSource, match =>
        {
            // Positions in the stripped text: earlier markers have already been removed when this one is replaced.
            var start = match.Index - expected.Sum(e => e.Id.Length + 5);
            expected.Add((match.Groups["id"].Value, start, match.Groups["text"].Length));
            return match.Groups["text"].Value;
        });

        var compilation = CSharpCompilation.Create("Test", new[] { CSharpSyntaxTree.ParseText(source, path: "Test.cs") }, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DslStringAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var actual = diagnostics.Select(d => (d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).OrderBy(d => d.Start).ToList();
        Assert.That(actual, Is.EqualTo(expected.OrderBy(e => e.Start).ToList()),
            () => string.Join("\n", diagnostics.Select(d => $"{d.Id} at '{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}': {d.GetMessage()}")));
    }
}
