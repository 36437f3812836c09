using System.Linq;
using PixyzGen.Dsl.Checking;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Tests;

/// <summary>Tables the Dsl shares with the generator and the analyzers agree with the Runtime they describe.</summary>
public class SharedTablesTests
{
    [Test]
    public void Every_closed_form_KL_the_DSL_promises_exists_in_the_Runtime_with_that_method()
    {
        foreach (var ((left, right), method) in KlClosedForms.All)
        {
            Assert.That(PixyzGen.KL.HasClosedForm(left, right), Is.True, $"{left} || {right}");
            Assert.That(typeof(PixyzGen.KL).GetMethod(method), Is.Not.Null, $"KL.{method}");
        }
        Assert.That(KlClosedForms.Method("Normal", "Bernoulli"), Is.Null);
        Assert.That(PixyzGen.KL.HasClosedForm("Normal", "Bernoulli"), Is.False);
    }

    private static System.Type? BaseFamily(System.Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PixyzGen.FamilyDistribution<>)) return type;
        return null;
    }

    [Test]
    public void The_one_family_table_matches_the_Runtime()
    {
        var runtime = typeof(PixyzGen.Normal).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.Namespace == "PixyzGen" && BaseFamily(t) is not null && t.BaseType is { IsGenericType: true })
            .Select(t => t.Name);
        Assert.That(GeneratedFamilies.All.Select(f => f.Name), Is.SupersetOf(runtime), "every direct FamilyDistribution<TParams> of the Runtime is known to the generator");
        foreach (var family in GeneratedFamilies.All)
        {
            var type = typeof(PixyzGen.Normal).Assembly.GetType("PixyzGen." + family.Name);
            Assert.That(type, Is.Not.Null, family.Name);
            Assert.That(type!.IsPublic && !type.IsSealed && typeof(PixyzGen.Distribution).IsAssignableFrom(type), Is.True, $"{family.Name} is a public, derivable distribution");
        }
        foreach (var family in GeneratedFamilies.All.Where(f => !f.IsDeterministic && !f.IsDynamic))
        {
            var type = typeof(PixyzGen.Normal).Assembly.GetType("PixyzGen." + family.Name)!;
            Assert.That(BaseFamily(type)!.GetGenericArguments()[0].FullName, Is.EqualTo("PixyzGen." + family.ParamsRecord), family.Name);
        }
    }

    [Test]
    public void GeneratedCode_carries_the_version_Directory_Build_props_sets()
    {
        var props = Infrastructure.Repository.Read("Directory.Build.props");
        var version = System.Text.RegularExpressions.Regex.Match(props, "<PixyzGenVersion>([^<]+)</PixyzGenVersion>").Groups[1].Value;
        Assert.That(version, Is.Not.Empty);
        var generated = Infrastructure.GeneratorHarness.Run(Sources.VaeDistributions, Sources.VaeModel);
        Assert.That(generated.Values, Has.All.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"PixyzGen\", \"{version}\")]"));
    }
}
