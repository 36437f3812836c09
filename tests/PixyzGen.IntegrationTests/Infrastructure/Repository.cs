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

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly does not record {key}.");
}
