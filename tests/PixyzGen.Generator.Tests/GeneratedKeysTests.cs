using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Generator.Bind;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>
/// <see cref="GeneratedKeys"/> (what the extractor assumes a generated base type has, so a derived type's members hide
/// them with <c>new</c> exactly where needed) equals what Roslyn sees the emitters write: over every [Distribution] and
/// [Model] of the Runtime tests' sources, which cover every family, flows, mixtures, custom densities, products of
/// experts, deterministic distributions and models with and without losses.
/// </summary>
public class GeneratedKeysTests
{
    private static readonly string[] Sources = Directory
        .GetFiles(Repository.Path("tests", "PixyzGen.Runtime.Tests"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal))
        .Select(File.ReadAllText)
        .ToArray();

    [Test]
    public void The_keys_the_extractor_assumes_are_the_members_the_emitters_write()
    {
        var input = GeneratorHarness.Compile(Sources);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var generatedTrees = output.SyntaxTrees.Except(input.SyntaxTrees).ToHashSet();
        var checkedTypes = new List<string>();
        foreach (var type in AllTypes(input.Assembly.GlobalNamespace))
        {
            IEnumerable<string> expected;
            if (SymbolFacts.Attribute(type, SymbolFacts.DistributionAttribute) is not null && DistributionBinder.Bind(DistributionExtractor.Read(type, input)) is { } distribution)
                expected = GeneratedKeys.Of(distribution);
            else if (SymbolFacts.Attribute(type, SymbolFacts.ModelAttribute) is { } model
                && ModelBinder.Bind(ModelExtractor.Read(type, SymbolFacts.ArgumentText(model), hasModelAttribute: true, input)) is { } spec)
                expected = GeneratedKeys.Of(spec);
            else
                continue;
            var emitted = FindIn(output, type);
            var written = emitted.GetMembers()
                .Where(m => !m.IsImplicitlyDeclared && !m.IsOverride && m.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
                .Select(Key);
            Assert.That(written.Where(k => k is not null).OrderBy(k => k, System.StringComparer.Ordinal), Is.EqualTo(expected.OrderBy(k => k, System.StringComparer.Ordinal)), type.ToDisplayString());
            checkedTypes.Add(type.Name);
        }
        Assert.That(checkedTypes, Has.Count.GreaterThan(40), "the sources hold the families and models this test is meant to cover");
    }

    // A member's key as MemberKeys spells it: name and parameter types for an ordinary method, the name otherwise.
    private static string? Key(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Ordinary } method => MemberKeys.Method(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))),
        IMethodSymbol => null,
        _ => member.Name,
    };

    private static INamedTypeSymbol FindIn(Compilation compilation, INamedTypeSymbol type) =>
        AllTypes(compilation.Assembly.GlobalNamespace).Single(t => t.ToDisplayString() == type.ToDisplayString());

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
                foreach (var type in AllTypes(ns)) yield return type;
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in AllTypes(type)) yield return nested;
            }
        }
    }
}
