using System;
using System.Linq;
using System.Reflection;

namespace PixyzGen.IntegrationTests.Infrastructure;

/// <summary>Paths and versions recorded by the build (see tests/Directory.Build.props).</summary>
public static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string Version => Metadata("PixyzGenVersion");

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>
    /// Copies the files a fresh clone of the working tree would hold (tracked and untracked, less what .gitignore
    /// ignores) into <paramref name="destination"/>: a clean checkout of what is being tested, without build output.
    /// </summary>
    public static void CopyWorkingTree(string destination)
    {
        var files = DotNet.Process("git", "ls-files -z --cached --others --exclude-standard", Root, TimeSpan.FromMinutes(1)).Succeeded("git ls-files");
        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\n', '\r')))
        {
            var source = Path(file);
            if (!System.IO.File.Exists(source)) continue;   // deleted in the working tree, not yet in the index
            var target = System.IO.Path.Combine(destination, file);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(source, target);
        }
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly does not record {key}.");
}
