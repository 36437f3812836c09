using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// What an IDE that loads analyzer packages' code fixes (Visual Studio, Rider, VS Code's C# Dev Kit) gives the user, on
/// the project of <see cref="LanguageServerTests"/>: Roslyn's MSBuildWorkspace opens it, the package's generator and
/// analyzers report PXY0202 at the same span, and the package's own code fix (found in its analyzer references, as IDEs
/// find it) turns the edit back into the declared signature, leaving no diagnostic.
/// </summary>
[NonParallelizable]
public class IdeWorkspaceTests
{
    [Test]
    public async Task The_packages_code_fix_applies_in_an_MSBuild_workspace_and_the_error_is_gone()
    {
        var folder = IdeUserProject.Create(LocalFeed.Shared);
        using var workspace = MSBuildWorkspace.Create();
        var project = await workspace.OpenProjectAsync(Path.Combine(folder, "IdeCheck.csproj"));
        Assert.That(workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure), Is.Empty, () => string.Join("\n", workspace.Diagnostics));
        var document = project.Documents.Single(d => d.Name == "Model.cs");
        document = document.WithText(SourceText.From(IdeUserProject.Edited));

        var diagnostics = await Diagnostics(document.Project);
        var ours = diagnostics.Single(d => d.Id == "PXY0202");
        var at = IdeUserProject.Edited.IndexOf(IdeUserProject.EditedTerm, StringComparison.Ordinal) + "KL(".Length;
        Assert.That(ours.Location.SourceSpan, Is.EqualTo(new TextSpan(at, IdeUserProject.Mistake.Length)));
        Assert.That(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "PXY0202"), Is.Empty, () => string.Join("\n", diagnostics));

        var fixer = CodeFixers(document.Project).Single(f => f.FixableDiagnosticIds.Contains("PXY0202"));
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, ours, (action, _) => actions.Add(action), CancellationToken.None));
        var fix = actions.Single();
        Assert.That(fix.Title, Is.EqualTo("Use the declared q(z|x)"));
        var applied = (await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedDocument = applied.GetDocument(document.Id)!;
        Assert.That((await fixedDocument.GetTextAsync()).ToString(), Is.EqualTo(IdeUserProject.ModelSource));
        Assert.That((await Diagnostics(fixedDocument.Project)).Where(d => d.Id.StartsWith("PXY", StringComparison.Ordinal) || d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    /// <summary>Compiler, generator and analyzer diagnostics, as an IDE's error list shows them.</summary>
    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        return await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAllDiagnosticsAsync();
    }

    /// <summary>The code fix providers the project's analyzer references export, found the way IDEs find them.</summary>
    private static IEnumerable<CodeFixProvider> CodeFixers(Project project) =>
        project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Select(r => r.GetAssembly())
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);
}
