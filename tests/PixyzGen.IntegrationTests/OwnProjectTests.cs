using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// README's "Use it in your own project" block, run verbatim as a new user runs it: from the root of a copy of the
/// repository, with a NuGet cache and a template hive that have never seen PixyzGen. The docs cannot drift from what works.
/// </summary>
[NonParallelizable]
public class OwnProjectTests
{
    [Test]
    public void The_README_block_packs_installs_creates_and_trains_a_project_from_an_empty_NuGet_cache()
    {
        var block = Blocks.Sh(File.ReadAllText(Repository.Path("README.md")), section: "## Use it in your own project").Single();
        Assert.That(File.ReadAllText(Repository.Path("docs", "getting-started.md")), Does.Contain(block), "getting-started.md follows the same steps");

        var sandbox = Directory.CreateTempSubdirectory("pixyzgen-own-project-").FullName;
        try
        {
            var clone = Path.Combine(sandbox, "clone");
            Repository.CopyWorkingTree(clone);
            File.WriteAllText(Path.Combine(sandbox, "block.sh"), block);
            var environment = new System.Collections.Generic.Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(sandbox, "nuget-packages")).FullName,
                // The CLI's home holds the template hive and NuGet's own settings and HTTP cache: a new user's, empty.
                ["DOTNET_CLI_HOME"] = Directory.CreateDirectory(Path.Combine(sandbox, "home")).FullName,
            };

            var result = DotNet.Process("bash", $"-e \"{Path.Combine(sandbox, "block.sh")}\"", clone, TimeSpan.FromMinutes(15), environment);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            var losses = Regex.Matches(result.Output, @"Epoch: \d+ Train loss: ([0-9.]+)")
                .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.That(losses, Has.Length.GreaterThanOrEqualTo(3), result.Output);
            Assert.That(losses[^1], Is.LessThan(losses[0] - 5), "training lowers the loss");

            // The template defaulted to the version it was packed as, and named the feed it came from.
            var packed = Directory.GetFiles(Path.Combine(clone, "feed"), "PixyzGen.Templates.*.nupkg").Single();
            var version = Path.GetFileNameWithoutExtension(packed)["PixyzGen.Templates.".Length..];
            var project = Path.Combine(sandbox, "MyVae");
            Assert.That(File.ReadAllText(Path.Combine(project, "MyVae.csproj")), Does.Contain($"Include=\"PixyzGen\" Version=\"{version}\""));
            Assert.That(File.ReadAllText(Path.Combine(project, "nuget.config")), Does.Contain($"value=\"{Path.Combine(clone, "feed")}\""));
            Assert.That(Directory.Exists(Path.Combine(sandbox, "nuget-packages", "pixyzgen", version)), Is.True, "PixyzGen came into the empty cache from the feed");
        }
        finally
        {
            Directory.Delete(sandbox, recursive: true);
        }
    }
}
