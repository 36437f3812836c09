using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// PixyzGen as a user meets it: packed into a local feed, a project created from the template outside the repository
/// as docs/getting-started.md does (<see cref="OwnProjectTests"/> runs the page's block itself), built warning-free from the packages, trained for a few steps, its
/// generated code equal to the generator's snapshots, and a deliberate mistake reported as a PXY diagnostic.
/// </summary>
[NonParallelizable]
public class PackageTests
{
    private string work = "";
    private string feed = "";
    private string hive = "";
    private string version = "";
    private bool templateInstalled;

    [OneTimeSetUp]
    public void Pack()
    {
        var packed = LocalFeed.Shared;
        (work, feed, version) = (packed.Work, packed.Feed, packed.Version);
        hive = packed.NewFolder("hive");
    }

    [Test]
    public void The_package_holds_exactly_the_runtime_the_compiler_components_and_the_native_fix()
    {
        var entries = Entries($"PixyzGen.{version}.nupkg");
        Assert.That(entries.Where(e => !e.StartsWith("docs/diagnostics/", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "LICENSE", "PixyzGen.nuspec", "README.md",
            "analyzers/dotnet/cs/PixyzGen.Analyzers.dll", "analyzers/dotnet/cs/PixyzGen.CodeFixes.dll", "analyzers/dotnet/cs/PixyzGen.Dsl.dll",
            "analyzers/dotnet/cs/PixyzGen.Generator.dll",
            "buildTransitive/ElfVersionPatcher.cs", "buildTransitive/PixyzGen.targets",
            "lib/net10.0/PixyzGen.Dsl.dll", "lib/net10.0/PixyzGen.Runtime.dll", "lib/net10.0/PixyzGen.Runtime.xml",
        }));
        // Every diagnostic's page ships beside the analyzers that link to it.
        var pages = Directory.GetFiles(Repository.Path("docs", "diagnostics"), "PXY*.md").Select(f => "docs/diagnostics/" + Path.GetFileName(f));
        Assert.That(entries.Where(e => e.StartsWith("docs/diagnostics/PXY", StringComparison.Ordinal)), Is.EquivalentTo(pages));
        Assert.That(Entries($"PixyzGen.{version}.snupkg"), Does.Contain("lib/net10.0/PixyzGen.Runtime.pdb"));
        var nuspec = ReadEntry($"PixyzGen.{version}.nupkg", "PixyzGen.nuspec");
        Assert.That(nuspec, Does.Contain("<dependency id=\"TorchSharp\" version=\"0.107.0\""), "users choose TorchSharp-cpu or a CUDA package");
        Assert.That(nuspec, Does.Not.Contain("PixyzGen.Dsl"), "the DSL assembly ships in lib/, not as a package");
        Assert.That(nuspec, Does.Not.Contain("TorchSharp-cpu"));
        Assert.That(nuspec, Does.Contain("<dependency id=\"TorchSharp.PyBridge\" version=\"1.4.4\""), "PyTorchCheckpoint reads and writes PyTorch's formats through it");
        Assert.That(nuspec, Does.Contain("<license type=\"file\">LICENSE</license>").And.Contain("<repository type=\"git\""));
    }

    [Test]
    public void Every_help_link_of_the_packed_analyzers_opens_a_page_the_package_ships()
    {
        // The package as NuGet lays it out in its folder, and the analyzers loaded from there as a compiler loads them.
        var package = PackedFolder("PixyzGen");
        var links = HelpLinksOf(Path.Combine(package, "analyzers", "dotnet", "cs"));
        Assert.That(links.Keys, Does.Contain("PXY0001").And.Contain("PXY0309"));
        foreach (var (id, link) in links)
        {
            var uri = new Uri(link);
            Assert.That(uri.IsFile, Is.True, $"{id}: {link}");
            Assert.That(uri.LocalPath, Is.EqualTo(Path.Combine(package, "docs", "diagnostics", id + ".md")), id);
            Assert.That(File.Exists(uri.LocalPath), Is.True, $"{id}'s page {uri.LocalPath}");
        }
    }

    [Test]
    public void The_plots_package_is_a_companion_depending_on_this_PixyzGen_and_ScottPlot()
    {
        Assert.That(Entries($"PixyzGen.Plots.{version}.nupkg"), Does.Contain("lib/net10.0/PixyzGen.Plots.dll").And.Contain("lib/net10.0/PixyzGen.Plots.xml"));
        var nuspec = ReadEntry($"PixyzGen.Plots.{version}.nupkg", "PixyzGen.Plots.nuspec");
        Assert.That(nuspec, Does.Contain($"<dependency id=\"PixyzGen\" version=\"{version}\"").And.Contain("<dependency id=\"ScottPlot\""));
        Assert.That(ReadEntry($"PixyzGen.{version}.nupkg", "PixyzGen.nuspec"), Does.Not.Contain("ScottPlot"), "the Runtime carries no plotting dependency");
    }

    [Test]
    public void The_template_package_holds_the_template_and_defaults_to_this_version()
    {
        var entries = Entries($"PixyzGen.Templates.{version}.nupkg");
        Assert.That(entries.Where(e => e.StartsWith("content/", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "content/pixyzgen-vae/.template.config/template.json", "content/pixyzgen-vae/Data/Bars.cs",
            "content/pixyzgen-vae/Model/BarsVae.cs", "content/pixyzgen-vae/Model/Decoder.cs", "content/pixyzgen-vae/Model/Encoder.cs",
            "content/pixyzgen-vae/Model/Prior.cs", "content/pixyzgen-vae/PixyzGenVae.csproj", "content/pixyzgen-vae/Program.cs",
            "content/pixyzgen-vae/nuget.config",
        }));
        Assert.That(entries, Does.Contain("README.md"));
        Assert.That(ReadEntry($"PixyzGen.Templates.{version}.nupkg", "PixyzGen.Templates.nuspec"), Does.Contain("<readme>README.md</readme>"));
        // The source file defaults to Directory.Build.props' version; the packed one to the version it was packed as.
        var source = File.ReadAllText(Repository.Path("templates", "PixyzGen.Templates", "content", "pixyzgen-vae", ".template.config", "template.json"));
        Assert.That(source, Does.Contain($"\"defaultValue\": \"{Repository.Version}\""), "template.json's default PixyzGenVersion follows Directory.Build.props");
        var template = ReadEntry($"PixyzGen.Templates.{version}.nupkg", "content/pixyzgen-vae/.template.config/template.json");
        Assert.That(template, Does.Contain($"\"defaultValue\": \"{version}\"").And.Not.Contain($"\"defaultValue\": \"{Repository.Version}\""));
    }

    [Test]
    public void The_getting_started_commands_build_and_train_a_project_from_the_template()
    {
        var folder = CreateProject();

        var build = DotNet.Run(folder, "build -c Release --no-incremental -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true --nologo").Succeeded("build");
        Assert.That(Regex.IsMatch(build.Output, @"\bwarning\b"), Is.False, build.Output);
        Assert.That(File.ReadAllText(Path.Combine(folder, "MyVae.csproj")), Does.Contain($"Include=\"PixyzGen\" Version=\"{version}\""));

        // The generated code equals the generator tests' snapshots of the template (namespace aside: -o MyVae names it).
        var generated = Directory.GetFiles(Path.Combine(folder, "obj", "Release", "net10.0", "generated"), "*.g.cs", SearchOption.AllDirectories);
        Assert.That(generated.Select(Path.GetFileName).Order(), Is.EqualTo(new[]
        {
            "MyVae.Model.BarsVae.Model.g.cs", "MyVae.Model.Decoder.Distribution.g.cs", "MyVae.Model.Encoder.Distribution.g.cs", "MyVae.Model.Prior.Distribution.g.cs",
        }));
        foreach (var file in generated)
        {
            var hint = Path.GetFileName(file).Replace("MyVae.", "PixyzGenVae.", StringComparison.Ordinal).Replace(".cs", "", StringComparison.Ordinal);
            var snapshot = File.ReadAllText(Repository.Path("tests", "PixyzGen.Generator.Tests", "Snapshots", $"TemplateGenerationTests.Template_vae#{hint}.verified.cs"));
            Assert.That(File.ReadAllText(file).Replace("\r\n", "\n"), Is.EqualTo(snapshot.Replace("namespace PixyzGenVae.", "namespace MyVae.")), file);
        }
    }

    [Test]
    public void A_project_from_the_package_parses_its_loss_at_run_time_to_the_generated_value()
    {
        var folder = CreateProject(run: false);
        // The template's own [Loss] formula, read back and parsed at run time: the DSL's parser ships in lib/.
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System.Reflection;
            using PixyzGen;
            using MyVae.Data;
            using MyVae.Model;
            using static TorchSharp.torch;

            NativeSettings.Configure();
            manual_seed(1);
            var model = new BarsVae();
            var x = bernoulli(full(16, Bars.Pixels, 0.3f));
            var formula = typeof(BarsVae).GetMethod(nameof(BarsVae.Loss))!.GetCustomAttribute<LossAttribute>()!.Formula;
            manual_seed(7);
            var generated = model.Loss(x).item<float>();
            manual_seed(7);
            var parsed = Loss.Parse(formula, model).Eval(new Variables { ["x"] = x }).item<float>();
            System.Console.WriteLine($"generated {generated:R} parsed {parsed:R}");
            try { Loss.Parse("mean(KL(q(z|y) || p(z)))", model); }
            catch (DslException e) { System.Console.WriteLine(e.Id); }
            """);
        var run = DotNet.Run(folder, "run -c Release").Succeeded("dotnet run");
        var values = Regex.Match(run.Output, @"generated (\S+) parsed (\S+)");
        Assert.That(values.Success, Is.True, run.Output);
        Assert.That(values.Groups[2].Value, Is.EqualTo(values.Groups[1].Value), "the parsed loss equals the generated body on the same seed");
        Assert.That(run.Output, Does.Contain("PXY0202"));
    }

    [Test]
    public void A_mistake_in_a_model_string_is_a_PXY_error_at_the_offending_factor()
    {
        var folder = CreateProject(run: false);
        var model = Path.Combine(folder, "Model", "BarsVae.cs");
        File.WriteAllText(model, File.ReadAllText(model).Replace("p(x,z) = p(x|z) p(z)", "p(x,z) = p(x|z) p(z|x)", StringComparison.Ordinal));
        var build = DotNet.Run(folder, "build -c Release --nologo");
        Assert.That(build.ExitCode, Is.Not.EqualTo(0));
        // What the build says, as getting-started.md shows it: path from the project, without the help link and project.
        var reported = Regex.Matches(build.Output, @"(Model/\w+\.cs\(\d+,\d+\): (?:error|warning) [A-Z]+\d+: .*?)(?: \((?:file|https?):[^)]*\))? \[[^\]]*\]\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Distinct().ToArray();
        var page = File.ReadAllText(Repository.Path("docs", "getting-started.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var shown = Regex.Match(page[page.IndexOf("## 4. Make a mistake", StringComparison.Ordinal)..], "```text\n(.*?)```", RegexOptions.Singleline).Groups[1].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(reported, Is.EqualTo(shown), build.Output);
        Assert.That(build.Output, Does.Contain("docs/diagnostics/PXY0202.md"), "the help link opens the page the package ships");
    }

    /// <summary>
    /// Creates a project from the packed template as getting-started.md does (the template installed into a private
    /// hive, the project under the work folder so its nuget.config names the feed, the version left to the template's
    /// default) and, if asked, trains it as the page does. Returns the project folder.
    /// </summary>
    private string CreateProject(bool run = true)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, $"user-{Guid.NewGuid():N}")).FullName;
        if (!templateInstalled)   // once per hive: the template engine registers a forced reinstall twice
            DotNet.Run(folder, $"new install \"{Path.Combine(feed, $"PixyzGen.Templates.{version}.nupkg")}\" --debug:custom-hive \"{hive}\"").Succeeded("dotnet new install");
        templateInstalled = true;
        DotNet.Run(folder, $"new pixyzgen-vae -o MyVae --debug:custom-hive \"{hive}\"").Succeeded("dotnet new pixyzgen-vae");
        folder = Path.Combine(folder, "MyVae");
        if (run)
        {
            var result = DotNet.Run(folder, "run -c Release -- --epochs 3").Succeeded("dotnet run");
            var losses = Regex.Matches(result.Output, @"Epoch: \d+ Train loss: ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.That(losses, Has.Length.GreaterThanOrEqualTo(3), result.Output);
            Assert.That(losses[^1], Is.LessThan(losses[0] - 5), "training lowers the loss");
        }
        return folder;
    }

    // The package's files extracted to a folder, as the NuGet packages folder holds them.
    private string PackedFolder(string id)
    {
        var folder = Path.Combine(work, $"extracted-{id}-{Guid.NewGuid():N}");
        ZipFile.ExtractToDirectory(Path.Combine(feed, $"{id}.{version}.nupkg"), folder);
        return folder;
    }

    // Rule ID -> help link of every diagnostic the analyzer assemblies in `folder` support, loaded in a context of their own.
    private static Dictionary<string, string> HelpLinksOf(string folder)
    {
        var context = new FolderLoadContext(folder);
        var links = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(folder, "*.dll"))
        {
            foreach (var type in context.LoadFromAssemblyPath(file).GetTypes().Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t)))
            {
                var analyzer = (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                foreach (var descriptor in analyzer.SupportedDiagnostics) links[descriptor.Id] = descriptor.HelpLinkUri;
            }
        }
        return links;
    }

    // Loads PixyzGen's assemblies from one folder; Roslyn comes from the test's own context, as in a compiler.
    private sealed class FolderLoadContext(string folder) : System.Runtime.Loader.AssemblyLoadContext(isCollectible: true)
    {
        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return name.Name!.StartsWith("PixyzGen.", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    private string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed, package));
        return zip.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private string ReadEntry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed, package));
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
