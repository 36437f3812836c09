using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace PixyzGen;

/// <summary>
/// Whether the loaded libtorch declares an ATen operator, learned without asking TorchScript: compiling a script that
/// names an unknown operator makes libtorch throw an error LibTorchSharp does not catch, which aborts the process.
/// Every declared operator <c>aten::name</c> has an exported entry point <c>at::_ops::name::call</c> in libtorch_cpu;
/// this reads the names libtorch_cpu exports (its ELF dynamic string table) and looks for it. Linux only: elsewhere,
/// and wherever the library cannot be read, the answer is "not known to exist".
/// </summary>
internal static class NativeOperators
{
    private static readonly ConcurrentDictionary<string, bool> Known = new();

    /// <summary>Whether the libtorch of this process declares <c>aten::<paramref name="name"/></c>.</summary>
    public static bool Exists(string name) => Known.GetOrAdd(name, n => TorchCpuLibrary() is { } path && Declares(path, n));

    /// <summary>Whether the library at <paramref name="path"/> exports the entry point of <c>aten::<paramref name="name"/></c>.</summary>
    public static bool Declares(string path, string name)
    {
        // Itanium mangling of at::_ops::<name>::call(...): every overload's symbol starts with this.
        var prefix = System.Text.Encoding.ASCII.GetBytes($"_ZN2at4_ops{name.Length}{name}4callE");
        try
        {
            return ElfDynamicStrings.Read(path) is { } strings && strings.AsSpan().IndexOf(prefix) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The libtorch_cpu this process has loaded (TorchSharp loads it with its first tensor), from the process's mappings.
    private static string? TorchCpuLibrary()
    {
        if (!OperatingSystem.IsLinux()) return null;
        _ = TorchSharp.torch.get_num_threads();   // makes sure libtorch is loaded
        try
        {
            return File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? line[slash..] : "")
                .FirstOrDefault(path => Path.GetFileName(path) == "libtorch_cpu.so");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
