using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Generator.Tests.Infrastructure;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace PixyzGen.Generator.Tests;

/// <summary>Named edit scenarios: what each tracked step does after a typical keystroke.</summary>
public class IncrementalEditTests
{
    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(Sources.VaeDistributions, Sources.VaeModel);
        return (GeneratorHarness.CreateDriver().RunGenerators(compilation), compilation);
    }

    private static CSharpCompilation ReplaceModel(CSharpCompilation compilation, string newText)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "User1.cs");
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, (CSharpParseOptions)old.Options, old.FilePath));
    }

    [Test]
    public void An_edit_to_an_unrelated_file_leaves_every_step_cached()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Sources.Unrelated, path: "Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        var steps = GeneratorHarness.ImpliedSteps(compilation.SyntaxTrees.Select(t => t.ToString())).ToList();
        Assert.That(steps, Has.Count.EqualTo(8), "the model and its distributions imply eight steps");
        foreach (var step in steps)
            Assert.That(GeneratorHarness.Reasons(driver, step), Has.All.EqualTo(Cached).Or.EqualTo(Unchanged), step);
    }

    [Test]
    public void A_comment_inside_the_model_class_changes_no_output()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(ReplaceModel(compilation, Sources.VaeModel.Replace("public Prior Pz", "// the prior\n    public Prior Pz")));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelDeclarations), Has.All.EqualTo(Unchanged).Or.EqualTo(Cached));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelSpecs), Has.All.EqualTo(Cached));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.DistributionSpecs), Has.All.EqualTo(Cached));
    }

    [Test]
    public void A_DSL_string_edit_modifies_only_the_model_steps()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(ReplaceModel(compilation, Sources.VaeModelWithLoss(Sources.VaeLoss.Replace("mean(KL", "sum(KL"))));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelDeclarations), Is.EqualTo(new[] { Modified }));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelSpecs), Is.EqualTo(new[] { Modified }));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.DistributionSpecs), Has.All.EqualTo(Cached));
    }

    [Test]
    public void Adding_a_second_model_adds_one_new_output()
    {
        var (driver, compilation) = FirstRun();
        var second = Sources.VaeModel.Replace("class Vae ", "class OtherVae ");
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(second, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "User2.cs")));
        var reasons = GeneratorHarness.Reasons(driver, TrackingNames.ModelSpecs);
        Assert.That(reasons.Count(r => r == New), Is.EqualTo(1));
        Assert.That(reasons.Count(r => r == Cached || r == Unchanged), Is.EqualTo(1));
        Assert.That(driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)), Does.Contain("Demo.OtherVae.Model.g.cs"));
    }

    [Test]
    public void Losses_of_a_type_without_a_Model_attribute_are_cached_on_a_rerun()
    {
        const string source = """
            using PixyzGen;
            using static TorchSharp.torch;
            public partial class NoModel : GenerativeModel
            {
                public override string FactorizationText => "";
                protected override System.Collections.Generic.IEnumerable<(string Name, Distribution? Member)> DistributionMembers { get { yield break; } }
                [Loss("mean(log p(x|z))")] public partial Tensor L(Tensor x, Tensor z);
                [Loss("mean(log p(x|z))")] public partial Tensor M(Tensor x, Tensor z);
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.LossOwnerDeclarations), Has.Count.EqualTo(2));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelSpecs), Has.Count.EqualTo(1), "one type, one spec");
        driver = driver.RunGenerators(compilation.Clone());
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.LossOwnerDeclarations), Has.All.EqualTo(Cached).Or.EqualTo(Unchanged));
        Assert.That(GeneratorHarness.Reasons(driver, TrackingNames.ModelSpecs), Has.All.EqualTo(Cached).Or.EqualTo(Unchanged));
    }
}
