using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PixyzGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify.SourceGenerators' naming: <c>Snapshots/&lt;Class&gt;.&lt;Test&gt;#&lt;hint&gt;.verified.cs</c>.
/// A mismatch writes <c>.received.cs</c> beside it and fails; PIXYZGEN_ACCEPT_SNAPSHOTS=1 accepts instead (never under CI=true).
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "PIXYZGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string testClass, string testName, string hintName)
    {
        var folder = SnapshotFolder;
        var stem = Path.Combine(folder, $"{testClass}.{testName}#{Path.GetFileNameWithoutExtension(hintName)}");
        var verified = stem + ".verified.cs";
        var received = stem + ".received.cs";
        var normalized = actual.Replace("\r\n", "\n");

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            File.Delete(received);
            return;
        }
        if (Accepting)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Generated source differs from {verified}; see {received}. Set {AcceptVariable}=1 to accept."
            : $"No snapshot {verified} yet; the output is in {received}. Set {AcceptVariable}=1 to accept.");
    }

    private static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true";

    // Snapshots live with the sources; the project records where (see the csproj) because CI builds map source paths.
    private static string SnapshotFolder =>
        typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SnapshotFolder").Value
        ?? throw new InvalidOperationException("The test assembly does not record its snapshot folder.");
}
