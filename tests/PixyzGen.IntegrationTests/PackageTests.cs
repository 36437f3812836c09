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
/// by running docs/getting-started.md's commands, built warning-free from the packages, trained for a few steps, its
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
            "lib/net10.0/PixyzGen.Runtime.dll", "lib/net10.0/PixyzGen.Runtime.xml",
        }));
        // Every diagnostic's page ships beside the analyzers that link to it.
        var pages = Directory.GetFiles(Repository.Path("docs", "diagnostics"), "PXY*.md").Select(f => "docs/diagnostics/" + Path.GetFileName(f));
        Assert.That(entries.Where(e => e.StartsWith("docs/diagnostics/PXY", StringComparison.Ordinal)), Is.EquivalentTo(pages));
        Assert.That(Entries($"PixyzGen.{version}.snupkg"), Does.Contain("lib/net10.0/PixyzGen.Runtime.pdb"));
        var nuspec = ReadEntry($"PixyzGen.{version}.nupkg", "PixyzGen.nuspec");
        Assert.That(nuspec, Does.Contain("<dependency id=\"TorchSharp\" version=\"0.107.0\""), "users choose TorchSharp-cpu or a CUDA package");
        Assert.That(nuspec, Does.Not.Contain("TorchSharp-cpu"));
        Assert.That(nuspec, Does.Contain("<dependency id=\"TorchSharp.PyBridge\" version=\"1.4.4\""), "PyTorchCheckpoint reads and writes PyTorch's formats through it");
        Assert.That(nuspec, Does.Contain("<license type=\"file\">LICENSE</license>").And.Contain("<repository type=\"git\""));
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
        }));
        var template = ReadEntry($"PixyzGen.Templates.{version}.nupkg", "content/pixyzgen-vae/.template.config/template.json");
        Assert.That(template, Does.Contain($"\"defaultValue\": \"{Repository.Version}\""), "template.json's default PixyzGenVersion follows Directory.Build.props");
    }

    [Test]
    public void The_getting_started_commands_build_and_train_a_project_from_the_template()
    {
        var folder = RunGettingStarted();

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
    public void A_mistake_in_a_model_string_is_a_PXY_error_at_the_offending_factor()
    {
        var folder = RunGettingStarted(run: false);
        var model = Path.Combine(folder, "Model", "BarsVae.cs");
        File.WriteAllText(model, File.ReadAllText(model).Replace("p(x,z) = p(x|z) p(z)", "p(x,z) = p(x|z) p(z|x)", StringComparison.Ordinal));
        var build = DotNet.Run(folder, "build -c Release --nologo");
        Assert.That(build.ExitCode, Is.Not.EqualTo(0));
        // [Model("p(x,z) = p(x|z) p(z|x)")] on line 7: the string starts at column 9, the factor p(x|z) at column 18.
        Assert.That(build.Output, Does.Contain("BarsVae.cs(7,18): error PXY0102: The factorization is recursive: z -> x -> z"));
    }

    /// <summary>
    /// Runs the ```sh blocks of docs/getting-started.md in a fresh folder, installing from the local feed into a private
    /// template hive: `dotnet new install PixyzGen.Templates` installs the packed file, `dotnet new pixyzgen-vae` gets
    /// the packed version. Returns the project folder.
    /// </summary>
    private string RunGettingStarted(bool run = true)
    {
        var directory = Directory.CreateTempSubdirectory("user-").FullName;
        var folder = Path.Combine(work, Path.GetFileName(directory));
        Directory.Move(directory, folder);   // under the work folder, so its nuget.config applies
        foreach (var command in ShellCommands(File.ReadAllText(Repository.Path("docs", "getting-started.md"))))
        {
            if (command.StartsWith("cd ", StringComparison.Ordinal)) { folder = Path.Combine(folder, command[3..].Trim()); continue; }
            if (command == "dotnet new install PixyzGen.Templates")
            {
                // Once per hive: the template engine registers a forced reinstall twice.
                if (!templateInstalled)
                    DotNet.Run(folder, $"new install \"{Path.Combine(feed, $"PixyzGen.Templates.{version}.nupkg")}\" --debug:custom-hive \"{hive}\"").Succeeded(command);
                templateInstalled = true;
                continue;
            }
            if (command.StartsWith("dotnet new pixyzgen-vae", StringComparison.Ordinal))
            {
                DotNet.Run(folder, $"{command["dotnet ".Length..]} --PixyzGenVersion {version} --debug:custom-hive \"{hive}\"").Succeeded(command);
                continue;
            }
            if (command.StartsWith("dotnet run", StringComparison.Ordinal))
            {
                if (!run) continue;
                var result = DotNet.Run(folder, $"run -c Release {command["dotnet run".Length..].Trim()}").Succeeded(command);
                var losses = Regex.Matches(result.Output, @"step\s+\d+\s+loss\s+([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.That(losses, Has.Length.GreaterThanOrEqualTo(3), result.Output);
                Assert.That(losses[^1], Is.LessThan(losses[0] - 5), "training lowers the loss");
                continue;
            }
            Assert.Fail($"getting-started.md has a command this test does not know how to run: {command}");
        }
        return folder;
    }

    private static IEnumerable<string> ShellCommands(string markdown) =>
        Regex.Matches(markdown, "```sh\n(.*?)```", RegexOptions.Singleline)
            .SelectMany(m => m.Groups[1].Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

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
