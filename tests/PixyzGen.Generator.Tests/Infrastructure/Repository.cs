using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PixyzGen.Generator.Tests.Infrastructure;

/// <summary>Paths inside the repository, recorded by the build (see tests/Directory.Build.props).</summary>
public static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly does not record {key}.");
}
