using System;
using System.IO;

namespace PixyzGen.IntegrationTests.Infrastructure;

/// <summary>
/// The packages as a user gets them, packed once per test run into a local feed under a work folder whose nuget.config
/// adds that feed: PixyzGen, PixyzGen.Plots, PixyzGen.Training and PixyzGen.Templates at a version no earlier run used, so the NuGet cache can never serve
/// a stale copy. Deleted when the run ends (<see cref="LocalFeedCleanup"/>).
/// </summary>
public sealed class LocalFeed
{
    private static readonly Lazy<LocalFeed> Packed = new(() => new LocalFeed());

    /// <summary>The feed of this test run, packed on first use.</summary>
    public static LocalFeed Shared => Packed.Value;

    internal static bool IsPacked => Packed.IsValueCreated;

    private LocalFeed()
    {
        Work = Directory.CreateTempSubdirectory("pixyzgen-package-").FullName;
        Feed = Path.Combine(Work, "feed");
        Version = $"{Repository.Version}-ci.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var project in new[] { "Runtime/PixyzGen.Runtime", "Visualization/PixyzGen.Plots", "Training/PixyzGen.Training", "templates/PixyzGen.Templates" })
            DotNet.Run(Repository.Root, $"pack {project} -c Release -o \"{Feed}\" -p:PackageVersion={Version} --nologo").Succeeded($"pack {project}");
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pixyzgen-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The folder holding the feed and its nuget.config: projects under it restore from the feed.</summary>
    public string Work { get; }

    /// <summary>The folder of .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>The packages' version.</summary>
    public string Version { get; }

    /// <summary>A new empty folder under <see cref="Work"/>.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Work, $"{name}-{Guid.NewGuid():N}")).FullName;

    internal void Delete() => Directory.Delete(Work, recursive: true);
}
