using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Analyzers.Tests;

/// <summary>The rule table: unique well-formed IDs, each with a docs page, a release row, a help link and a test file.</summary>
public class DescriptorTests
{
    private static string Root => typeof(DescriptorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Test]
    public void Every_rule_is_unique_documented_released_linked_and_tested()
    {
        var descriptors = Descriptors.All;
        Assert.That(descriptors.Select(d => d.Id), Is.Unique);
        var releases = File.ReadAllText(Path.Combine(Root, "Analyzers", "PixyzGen.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in descriptors)
        {
            Assert.That(descriptor.Id, Does.Match(@"^PXY\d{4}$"));
            Assert.That(descriptor.Category, Is.EqualTo("PixyzGen"));
            var page = Path.Combine(Root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.That(File.Exists(page), Is.True, $"{descriptor.Id} has no page {page}");
            var text = File.ReadAllText(page);
            Assert.That(text, Does.Contain("## Wrong").And.Contain("## Right"), $"{descriptor.Id}'s page shows a wrong and a right example");
            // No home is set in Directory.Build.props: the link opens the page itself, found from the analyzer's location.
            Assert.That(new System.Uri(descriptor.HelpLinkUri).LocalPath, Is.EqualTo(Path.GetFullPath(page)), $"{descriptor.Id}'s help link opens its page");
            Assert.That(Regex.IsMatch(releases, $@"^{descriptor.Id} \| PixyzGen \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), Is.True, $"{descriptor.Id} has no release row with its severity");
            Assert.That(File.Exists(Path.Combine(Root, "tests", "PixyzGen.Analyzers.Tests", "Rules", descriptor.Id + "Tests.cs")), Is.True, $"{descriptor.Id} has no test file");
        }
    }

    [Test]
    public void The_diagnostics_index_lists_every_rule_in_order_with_its_severity_and_title()
    {
        var index = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics", "README.md"));
        var rows = Regex.Matches(index, @"^\| \[(PXY\d{4})\]\(\1\.md\) \| (\w+) \| (.+) \|$", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        var expected = DiagnosticCatalog.All.OrderBy(d => d.Id, System.StringComparer.Ordinal).Select(d => (d.Id, d.Severity.ToString(), d.Title)).ToList();
        Assert.That(rows, Is.EqualTo(expected));
    }

    [Test]
    public void The_analyzer_reports_every_ID_the_catalog_defines()
    {
        Assert.That(Descriptors.All.Select(d => d.Id), Is.EquivalentTo(DiagnosticCatalog.All.Select(d => d.Id)));
        foreach (var info in DiagnosticCatalog.All)
        {
            var descriptor = Descriptors.All.Single(d => d.Id == info.Id);
            Assert.That(descriptor.DefaultSeverity.ToString(), Is.EqualTo(info.Severity.ToString()), info.Id);
        }
    }
}
