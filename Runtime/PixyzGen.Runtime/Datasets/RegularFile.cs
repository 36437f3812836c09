using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PixyzGen.Datasets;

/// <summary>
/// Whether a path is a file that can be read to its end: opening a FIFO for reading blocks until a writer comes, so
/// on Linux the file is first opened without blocking and checked for being seekable (FIFOs, sockets and terminals are
/// not). Elsewhere every existing file counts.
/// </summary>
internal static class RegularFile
{
    private const int ReadOnly = 0, NonBlocking = 0x800;   // O_RDONLY, O_NONBLOCK on Linux (x86-64 and arm64)

    [DllImport("libc.so.6", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    public static bool IsReadable(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        int descriptor;
        try { descriptor = Open(path, ReadOnly | NonBlocking); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return true; }
        if (descriptor < 0) return true;   // the normal open reports why
        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        return stream.CanSeek;
    }
}
