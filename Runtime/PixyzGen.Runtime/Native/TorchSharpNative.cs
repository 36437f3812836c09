using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using PixyzGen.Build;
using TorchSharp;

namespace PixyzGen;

/// <summary>
/// TorchSharp's native library where PixyzGen's build step never runs: .NET Interactive and Polyglot notebooks, F#
/// Interactive, a host that loads TorchSharp from the NuGet packages folder. On Debian 12, libLibTorchSharp.so
/// (TorchSharp 0.107) asks for GLIBCXX_3.4.32, which the system libstdc++ lacks; a build marks that requirement weak
/// in its output copy, but a notebook has no output folder. <see cref="Load"/> does the same to a copy of its own.
/// </summary>
public static class TorchSharpNative
{
    /// <summary>The libstdc++ symbol version TorchSharp 0.107's native library asks for.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    private const string Library = "libLibTorchSharp.so";

    /// <summary>
    /// Call first, before any other TorchSharp or PixyzGen call (TorchSharp loads its native library once, on its first
    /// use). When this system's libstdc++ lacks <see cref="RequiredVersion"/>, copies libLibTorchSharp.so into a folder
    /// of the temporary directory beside links to libtorch's libraries, marks the requirement weak in the copy (the
    /// NuGet packages folder is never written), loads it, and makes TorchSharp use it. Elsewhere it changes nothing.
    /// The libraries are found beside TorchSharp.dll, or in the NuGet packages folder (<paramref name="packagesFolder"/>,
    /// else NUGET_PACKAGES, else ~/.nuget/packages). Returns what it did, in a sentence.
    /// </summary>
    public static string Load(string? packagesFolder = null)
    {
        if (!OperatingSystem.IsLinux()) return "not Linux: TorchSharp loads as it is";
        var system = ElfVersionPatcher.FindSystemLibStdCxx();
        if (system is null) return "no system libstdc++.so.6 found: TorchSharp loads as it is";
        if (ElfVersionPatcher.DefinesVersion(system, RequiredVersion)) return $"{system} has {RequiredVersion}: TorchSharp loads as it is";
        var (library, libtorch) = Find(packagesFolder);
        var folder = Prepared(library, libtorch);
        var handle = NativeLibrary.Load(Path.Combine(folder, Library));
        // TorchSharp asks for "LibTorchSharp" relative to its assembly; answer with the patched copy. A resolver someone set
        // before is left in place: the copy is loaded already, and the loader finds it by its name.
        try { NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) => name == "LibTorchSharp" ? handle : IntPtr.Zero); }
        catch (InvalidOperationException) { }
        return $"{system} lacks {RequiredVersion}: loaded TorchSharp's native library from {folder}, with that requirement marked weak";
    }

    // The folder of the patched copy and the links to libtorch, made once per version pair and then reused.
    private static string Prepared(string library, string libtorch)
    {
        var version = typeof(torch).Assembly.GetName().Version;
        var folder = Path.Combine(Path.GetTempPath(), $"pixyzgen-torchsharp-{version}-{Environment.UserName}");
        if (File.Exists(Path.Combine(folder, Library))) return folder;
        var staging = folder + $".{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in Directory.GetFiles(libtorch).Where(f => Path.GetFileName(f) != Library))
                File.CreateSymbolicLink(Path.Combine(staging, Path.GetFileName(file)), file);
            File.Copy(library, Path.Combine(staging, Library));
            ElfVersionPatcher.WeakenVersionNeed(Path.Combine(staging, Library), RequiredVersion);
            Directory.Move(staging, folder);   // whole or not at all; another process may have made it meanwhile
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, Library)))
        {
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return folder;
    }

    // libLibTorchSharp.so and the folder of libtorch's libraries: beside TorchSharp.dll (a built application), or in the NuGet packages folder.
    private static (string Library, string Libtorch) Find(string? packagesFolder)
    {
        var beside = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        foreach (var folder in new[] { beside, Path.Combine(beside, "runtimes", "linux-x64", "native") })
            if (File.Exists(Path.Combine(folder, Library)) && File.Exists(Path.Combine(folder, "libtorch_cpu.so")))
                return (Path.Combine(folder, Library), folder);
        var packages = packagesFolder ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var version = typeof(torch).Assembly.GetName().Version!;
        var library = Path.Combine(packages, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", rid, "native", Library);
        if (!File.Exists(library)) throw new FileNotFoundException($"TorchSharp's native library is not at {library}; restore TorchSharp-cpu {version.Major}.{version.Minor}.{version.Build} (#r \"nuget: TorchSharp-cpu, {version.Major}.{version.Minor}.{version.Build}\") or pass the packages folder.", library);
        // The libtorch version TorchSharp was built against is a constant of its assembly: read without running its static constructor.
        var libtorchVersion = (typeof(torch).GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string) ?? "";
        var candidates = new[] { libtorchVersion, string.Join('.', libtorchVersion.Split('.').Take(3)) }.Distinct()
            .Select(v => Path.Combine(packages, $"libtorch-cpu-{rid}", v, "runtimes", rid, "native"));
        var libtorch = candidates.FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch_cpu.so")))
            ?? throw new DirectoryNotFoundException($"libtorch {libtorchVersion} is not in {Path.Combine(packages, $"libtorch-cpu-{rid}")}; restore TorchSharp-cpu (it brings libtorch-cpu-{rid}).");
        return (library, libtorch);
    }
}
