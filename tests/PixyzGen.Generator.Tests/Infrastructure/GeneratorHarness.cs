using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator on source text against the real Runtime, with the checks every snapshot test shares.</summary>
public static class GeneratorHarness
{
    // Diagnose documentation comments, as a user project with GenerateDocumentationFile does: generated docs must be valid too.
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Concat(new[] { typeof(PixyzGen.Normal).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)))
        .ToArray();

    public static CSharpCompilation Compile(params string[] sources) => Create("UserProject", "User", Array.Empty<MetadataReference>(), sources);

    /// <summary>A compilation named <paramref name="assemblyName"/> that also references <paramref name="extra"/> (another project's assembly).</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> extra, params string[] sources) =>
        Create(assemblyName, assemblyName, extra, sources);

    private static CSharpCompilation Create(string assemblyName, string filePrefix, IEnumerable<MetadataReference> extra, string[] sources) => CSharpCompilation.Create(
        assemblyName,
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"{filePrefix}{i}.cs")),
        References.Concat(extra),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 10)
            // As the .NET SDK does: TorchSharp targets net8.0, so its System.Runtime 8.0 unifies with 10.0.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new PixyzGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Generates, checks that user code plus output compiles without a warning, that a second run on a clone of
    /// the compilation leaves every tracked step Cached or Unchanged, and that no step holds Roslyn objects.
    /// Returns the generated sources by hint name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.That(generatorDiagnostics, Is.Empty, "the generator reports nothing itself");
        // Test sources need not document themselves (CS1591); generated members must.
        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Id != "CS1591" || d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(problems, Is.Empty, () => "generated code must compile warning-free:\n" + string.Join("\n", problems));

        var result = driver.GetRunResult().Results.Single();
        Assert.That(result.Exception, Is.Null);
        foreach (var step in ImpliedSteps(sources))
            Assert.That(result.TrackedSteps.ContainsKey(step) && result.TrackedSteps[step].SelectMany(s => s.Outputs).Any(), Is.True, $"the sources imply step {step}, which produced nothing");
        AssertNoRoslynObjects(result);
        AssertCachedOnRerun(driver, compilation.Clone());
        return result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    /// <summary>The tracked steps that must have outputs for these sources: a check that a missing step cannot pass.</summary>
    public static IEnumerable<string> ImpliedSteps(IEnumerable<string> sources)
    {
        var text = string.Concat(sources);
        if (text.Contains("[Distribution(")) { yield return TrackingNames.DistributionDeclarations; yield return TrackingNames.DistributionSpecs; yield return TrackingNames.DistributionPlans; }
        if (text.Contains("[Model(")) { yield return TrackingNames.ModelDeclarations; yield return TrackingNames.ModelSpecs; yield return TrackingNames.ModelPlans; }
        if (text.Contains("[Distribution(") || text.Contains("[Model(")) { yield return TrackingNames.GeneratedMembers; yield return TrackingNames.ResolvedPlans; }
    }

    public static void AssertCachedOnRerun(GeneratorDriver driver, Compilation clone)
    {
        var rerun = driver.RunGenerators(clone).GetRunResult().Results.Single();
        var implied = ImpliedSteps(clone.SyntaxTrees.Select(t => t.ToString())).ToList();
        foreach (var name in TrackingNames.All)
        {
            if (!rerun.TrackedSteps.TryGetValue(name, out var steps))
            {
                Assert.That(implied, Does.Not.Contain(name), $"step {name} is missing on the rerun");
                continue;
            }
            if (implied.Contains(name)) Assert.That(steps.SelectMany(s => s.Outputs), Is.Not.Empty, $"step {name} produced nothing on the rerun");
            foreach (var (_, reason) in steps.SelectMany(s => s.Outputs))
                Assert.That(reason, Is.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged), $"step {name} re-ran on an identical compilation");
        }
    }

    /// <summary>Reasons of one tracked step's outputs after an edit.</summary>
    /// <summary>Reasons of one tracked step's outputs after an edit; the step must exist and have outputs, so no assertion over them passes vacuously.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
    {
        Assert.That(driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(step, out var steps), Is.True, $"no tracked step {step}");
        var reasons = steps!.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.Not.Empty, $"step {step} has no outputs");
        return reasons;
    }

    private static void AssertNoRoslynObjects(GeneratorRunResult result)
    {
        foreach (var name in TrackingNames.All)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var steps)) continue;
            foreach (var (value, _) in steps.SelectMany(s => s.Outputs)) Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static readonly Type[] Banned = { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel) };

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        var type = value.GetType();
        Assert.That(Banned.Any(b => b.IsAssignableFrom(type)), Is.False, $"pipeline value {path} holds a {type.Name}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen);
            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true) return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
