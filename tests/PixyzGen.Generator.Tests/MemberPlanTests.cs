using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>
/// The member plan is what the generator writes: over every [Distribution] and [Model] of the Runtime tests' sources
/// (every family, flows, mixtures, custom densities, products of experts, deterministic distributions, models with and
/// without losses, types with [Loss] methods only), each resolved plan's keys equal the members Roslyn sees in the
/// output, no plan writes a key twice, and every planned name is one the extractors look for (<see cref="GeneratedNames"/>).
/// </summary>
public class MemberPlanTests
{
    private static readonly string[] Sources = Directory
        .GetFiles(Repository.Path("tests", "PixyzGen.Runtime.Tests"), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal))
        .Select(File.ReadAllText)
        .ToArray();

    private static (Compilation Input, Compilation Output, List<TypePlan> Plans) Run(params string[] sources)
    {
        var input = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var plans = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ResolvedPlans]
            .SelectMany(s => s.Outputs).Select(o => (TypePlan)o.Value).ToList();
        return (input, output, plans);
    }

    // A type with [Loss] methods and no [Model], and a chain of generated bases (their keys come from their plans).
    private const string LossOnlyAndChains = """
        using PixyzGen;
        using static TorchSharp.torch;
        namespace Chain;
        public partial class NoModel : GenerativeModel
        {
            public override string FactorizationText => "";
            protected override System.Collections.Generic.IEnumerable<(string Name, Distribution? Member)> DistributionMembers { get { yield break; } }
            [Loss("mean(log p(x|z))")] public partial Tensor L(Tensor x, Tensor z);
        }
        /// <summary>A base.</summary>
        [Distribution("q(z|x)")] public partial class EncBase : Normal { /// <summary>Forward.</summary>
            protected NormalParams Forward(Tensor x) => new(x, x.exp()); }
        /// <summary>Same variables.</summary>
        [Distribution("q(z|x)")] public sealed partial class EncDerived : EncBase;
        /// <summary>Another variable.</summary>
        [Distribution("q(z|x,y)")] public sealed partial class EncWider : EncBase { private NormalParams Forward(Tensor x, Tensor y) => new(x + y, x.exp()); }
        """;

    // One run over everything (a minute on two cores), shared by the tests that read it.
    private static readonly System.Lazy<(Compilation Input, Compilation Output, List<TypePlan> Plans)> Everything = new(() => Run(Sources.Append(LossOnlyAndChains).ToArray()));

    [Test]
    public void Each_plans_keys_are_the_members_Roslyn_sees_in_its_file()
    {
        var (input, output, plans) = Everything.Value;
        var generatedTrees = output.SyntaxTrees.Except(input.SyntaxTrees).ToHashSet();
        foreach (var group in plans.GroupBy(p => p.Type.Key))
        {
            var type = AllTypes(output.Assembly.GlobalNamespace).Single(t => TypeIdentityReader.Read(t).Key == group.Key);
            var written = type.GetMembers()
                .Where(m => !m.IsImplicitlyDeclared && !m.IsOverride && m.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)))
                .Select(Key).Where(k => k is not null);
            var planned = group.SelectMany(p => p.Keys).ToList();
            Assert.That(written.OrderBy(k => k, System.StringComparer.Ordinal), Is.EqualTo(planned.OrderBy(k => k, System.StringComparer.Ordinal)), group.Key);
            Assert.That(planned.Distinct().Count(), Is.EqualTo(planned.Count), $"{group.Key}: a key planned twice");
        }
        var kinds = plans.Select(p => p.Output.Key.Substring(0, 2)).Distinct();
        Assert.That(plans, Has.Count.GreaterThan(40), "the sources hold the families and models this test is meant to cover");
        Assert.That(kinds, Is.EquivalentTo(new[] { "D:", "M:", "L:" }), "distributions, models and types with [Loss] methods only are all planned");
    }

    [Test]
    public void Every_planned_name_is_one_the_extractors_read_the_users_members_under()
    {
        var (_, _, plans) = Everything.Value;
        foreach (var plan in plans)
        {
            var vocabulary = plan.Output.Key.StartsWith("D:", System.StringComparison.Ordinal)
                ? GeneratedNames.Distribution
                : GeneratedNames.Model.Append(GeneratedNames.JointDraw(plan.Type.PlainName)).ToArray();
            foreach (var member in plan.Members.Where(m => m.Kind != MemberKind.Implementation))
                Assert.That(vocabulary.Contains(member.Name) || member.Kind == MemberKind.Field && member.Name.EndsWith("Latex", System.StringComparison.Ordinal), Is.True,
                    $"{plan.Output.Stem}.{member.Name} is planned but not among the names the extractor reads");
        }
    }

    [Test]
    public void Members_of_a_base_generated_in_the_same_compilation_are_hidden_with_new_exactly_where_they_collide()
    {
        var (_, output, plans) = Run(LossOnlyAndChains);
        var derived = plans.Single(p => p.Type.Name == "EncDerived");
        var wider = plans.Single(p => p.Type.Name == "EncWider");
        // Same conditioning variables: every method and constant of the base is hidden.
        Assert.That(derived.Members.Where(m => m.Key is not null).Select(m => (m.Name, m.Hides)), Has.All.Matches<(string, bool)>(m => m.Item2));
        // Other parameter types: methods overload the base's, constants hide it by name.
        Assert.That(wider.Members.Where(m => m.Kind == MemberKind.Method).Select(m => m.Hides), Has.All.False);
        Assert.That(wider.Members.Where(m => m.Kind == MemberKind.Field).Select(m => m.Hides), Has.All.True);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591").Select(d => d.ToString());
        Assert.That(diagnostics, Is.Empty, "no CS0108 (new missing) nor CS0109 (new needless)");
    }

    // A member's key as MemberKeys spells it: name and parameter types for an ordinary method, the name otherwise.
    private static string? Key(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Ordinary } method => MemberKeys.Method(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))),
        IMethodSymbol => null,
        _ => member.Name,
    };

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
