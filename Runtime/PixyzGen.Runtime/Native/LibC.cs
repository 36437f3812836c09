using System.Runtime.InteropServices;

namespace PixyzGen;

/// <summary>The few glibc calls the native settings need; .NET's own environment does not reach native libraries.</summary>
internal static class LibC
{
    [DllImport("libc.so.6", EntryPoint = "setenv")]
    internal static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    internal static extern int mallopt(int param, int value);
}
