using System;
using System.IO;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Dsl.Tests;

/// <summary>Where a help link points, for each way a host loads the analyzers.</summary>
public class HelpLinksTests
{
    private string root = "";

    [SetUp]
    public void CreateFolders() => root = Directory.CreateTempSubdirectory("help-links-").FullName;

    [TearDown]
    public void DeleteFolders() => Directory.Delete(root, recursive: true);

    [Test]
    public void A_configured_home_wins_and_ends_with_a_slash()
    {
        Assert.That(HelpLinks.Resolve("https://example.org/pxy", Package("1.2.3"), null, "1.2.3"), Is.EqualTo("https://example.org/pxy/"));
    }

    [Test]
    public void From_the_package_the_link_is_the_shipped_page_three_folders_up()
    {
        var analyzers = Package("1.2.3");
        var link = HelpLinks.Resolve("", analyzers, null, "1.2.3") + "PXY0102.md";
        Assert.That(new Uri(link).IsFile, Is.True);
        Assert.That(File.Exists(new Uri(link).LocalPath), Is.True, link);
        Assert.That(new Uri(link).LocalPath, Is.EqualTo(Path.Combine(root, "packages", "pixyzgen", "1.2.3", "docs", "diagnostics", "PXY0102.md")));
    }

    [Test]
    public void From_a_shadow_copy_the_link_is_the_page_in_the_NuGet_folder_of_the_packed_version()
    {
        Package("1.2.3-Local.7");
        var shadow = Directory.CreateDirectory(Path.Combine(root, "shadow", "a1b2")).FullName;
        var link = HelpLinks.Resolve("", shadow, Path.Combine(root, "packages"), "1.2.3-Local.7");
        Assert.That(new Uri(link + "PXY0102.md").LocalPath, Is.EqualTo(Path.Combine(root, "packages", "pixyzgen", "1.2.3-local.7", "docs", "diagnostics", "PXY0102.md")));
    }

    [Test]
    public void Without_pages_anywhere_there_is_no_link_rather_than_a_dead_one()
    {
        var lonely = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
        Assert.That(HelpLinks.Resolve("", lonely, Path.Combine(root, "nowhere"), "1.0.0"), Is.Empty);
        Assert.That(HelpLinks.Resolve("", null, null, ""), Is.Empty);
    }

    [Test]
    public void This_build_links_to_pages_that_exist()
    {
        Assert.That(HelpLinks.Base, Is.Not.Empty, "the repository's docs/diagnostics/ is above this test's build folder");
        Assert.That(File.Exists(new Uri(HelpLinks.For("PXY0001")).LocalPath), Is.True);
    }

    // A package's layout in the NuGet folder: analyzers/dotnet/cs beside docs/diagnostics. Returns the analyzers folder.
    private string Package(string version)
    {
        var package = Path.Combine(root, "packages", "pixyzgen", version.ToLowerInvariant());
        var pages = Directory.CreateDirectory(Path.Combine(package, "docs", "diagnostics")).FullName;
        File.WriteAllText(Path.Combine(pages, "PXY0001.md"), "# PXY0001");
        File.WriteAllText(Path.Combine(pages, "PXY0102.md"), "# PXY0102");
        return Directory.CreateDirectory(Path.Combine(package, "analyzers", "dotnet", "cs")).FullName;
    }
}
