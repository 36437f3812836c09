using System.IO;
using System.Linq;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>
/// The model of the `dotnet new pixyzgen-vae` template, generated from the template's own files. The package test
/// builds a project from the template and compares its emitted files with these snapshots.
/// </summary>
public class TemplateGenerationTests
{
    public static readonly string TemplateFolder = Repository.Path("templates", "PixyzGen.Templates", "content", "pixyzgen-vae");

    [Test]
    public void Template_vae()
    {
        // Program.cs has top-level statements (an executable); the model and data files are what the generator reads.
        var sources = Directory.GetFiles(TemplateFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "Program.cs")
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var generated = GeneratorHarness.Run(sources);
        Assert.That(generated.Keys, Is.EquivalentTo(new[]
        {
            "PixyzGenVae.Model.BarsVae.Model.g.cs", "PixyzGenVae.Model.Decoder.Distribution.g.cs",
            "PixyzGenVae.Model.Encoder.Distribution.g.cs", "PixyzGenVae.Model.Prior.Distribution.g.cs",
        }));
        foreach (var (hint, source) in generated) Snapshot.Verify(source, nameof(TemplateGenerationTests), nameof(Template_vae), hint);
    }
}
