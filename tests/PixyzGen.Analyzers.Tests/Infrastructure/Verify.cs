using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PixyzGen.Generator;

namespace PixyzGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing with the analyzer and the generator together, as a user's build runs them: a test
/// source with <c>{|PXYnnnn:...|}</c> markup expects exactly those diagnostics and compiles otherwise (the generated
/// members included). References are the offline .NET 10 reference assemblies plus the Runtime and TorchSharp.
/// </summary>
public static class Verify
{
    public static Task Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFix<TCodeFix>(string source, string fixedSource, int codeActionIndex = 0, params DiagnosticResult[] remaining)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionIndex = codeActionIndex };
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    /// <summary>A diagnostic of this analyzer, by ID, for expectations outside markup.</summary>
    public static DiagnosticResult Diagnostic(string id) => new(Descriptors.All.Single(d => d.Id == id));

    private static void Configure(SolutionState state, List<Func<Solution, ProjectId, Solution>> transforms)
    {
        state.AdditionalReferences.AddRange(TestReferences.All);
        transforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                // As the .NET SDK does: TorchSharp targets net8.0, so its System.Runtime 8.0 unifies with 10.0.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    // net10.0 without a package: the reference assemblies come from Basic.Reference.Assemblies (the mirror lacks the pack).
    private static readonly ReferenceAssemblies Net10 = new("net10.0");

    private sealed class AnalyzerTest : CSharpAnalyzerTest<DslStringAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = Net10;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            Configure(TestState, SolutionTransforms);
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(PixyzGenerator) };
    }

    private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<DslStringAnalyzer, TCodeFix, DefaultVerifier> where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest()
        {
            ReferenceAssemblies = Net10;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            Configure(TestState, SolutionTransforms);
            Configure(FixedState, SolutionTransforms);
        }

        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(PixyzGenerator) };
    }
}
