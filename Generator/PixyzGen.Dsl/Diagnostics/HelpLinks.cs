using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PixyzGen.Dsl.Diagnostics;

/// <summary>
/// Where a rule's page is, for the help link of its diagnostic (analyzers and generator alike). A home set by the
/// build property <c>PixyzGenHelpLinkBase</c> wins; otherwise the link is a file URI of the page the package ships
/// under docs/diagnostics/, found from this assembly's own location (the package's analyzers/dotnet/cs folder, or
/// a build folder of the repository), or, when a host loads a shadow copy, in the NuGet packages folder.
/// </summary>
public static class HelpLinks
{
    private const string ProbePage = "PXY0001.md";
    private const int MaxLevelsUp = 6;

    /// <summary>The base every link extends with "PXYnnnn.md"; empty when no page can be found (no link then).</summary>
    public static readonly string Base = ResolveForThisAssembly();

    /// <summary>The help link of rule <paramref name="id"/>, or "" when its page cannot be found.</summary>
    public static string For(string id) => Base.Length == 0 ? "" : Base + id + ".md";

    /// <summary>
    /// The base for pages set at <paramref name="configured"/>, else the first folder holding the pages among
    /// docs/diagnostics above <paramref name="assemblyDirectory"/> and the package's folder in <paramref name="packagesFolder"/>.
    /// </summary>
    public static string Resolve(string configured, string? assemblyDirectory, string? packagesFolder, string packageVersion)
    {
        if (configured.Length > 0) return configured.EndsWith("/", StringComparison.Ordinal) ? configured : configured + "/";
        foreach (var folder in Candidates(assemblyDirectory, packagesFolder, packageVersion))
        {
            if (File.Exists(Path.Combine(folder, ProbePage)))
                return new Uri(Path.GetFullPath(folder) + Path.DirectorySeparatorChar).AbsoluteUri;
        }
        return "";
    }

    private static System.Collections.Generic.IEnumerable<string> Candidates(string? assemblyDirectory, string? packagesFolder, string packageVersion)
    {
        for (var directory = assemblyDirectory is null ? null : new DirectoryInfo(assemblyDirectory); directory is not null; directory = directory.Parent)
        {
            yield return Path.Combine(directory.FullName, "docs", "diagnostics");
            if (Depth(assemblyDirectory!, directory.FullName) >= MaxLevelsUp) break;
        }
        if (!string.IsNullOrEmpty(packagesFolder) && packageVersion.Length > 0)
            yield return Path.Combine(packagesFolder, "pixyzgen", packageVersion.ToLowerInvariant(), "docs", "diagnostics");
    }

    private static int Depth(string from, string to) =>
        from.TrimEnd(Path.DirectorySeparatorChar).Count(c => c == Path.DirectorySeparatorChar) - to.TrimEnd(Path.DirectorySeparatorChar).Count(c => c == Path.DirectorySeparatorChar);

    private static string ResolveForThisAssembly()
    {
        try
        {
            var assembly = typeof(HelpLinks).Assembly;
            var location = assembly.Location;
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(packages))
            {
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                packages = home.Length == 0 ? null : Path.Combine(home, ".nuget", "packages");
            }
            return Resolve(Metadata(assembly, "PixyzGenHelpLinkBase"), location.Length == 0 ? null : Path.GetDirectoryName(location), packages, Metadata(assembly, "PixyzGenPackageVersion"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException or UriFormatException)
        {
            return "";   // a link is a convenience: never fail a build over it
        }
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false).Cast<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? "";
}
