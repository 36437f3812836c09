using System;
using System.IO;
using System.Linq;

namespace PixyzGen;

/// <summary>
/// Caps oneDNN, libtorch's CPU convolution library, at AVX (no AVX2, no AVX-512) on AMD processors with AVX-512. On
/// such a processor (an AMD EPYC of family 26 in a virtual machine, one thread or two) libtorch 2.10's oneDNN 3.7.1
/// convolution backward passes gave NaN gradients from finite inputs: at random in about one call of 100 to 200 with
/// its AVX-512 kernels, and with its AVX2 kernels at the first step of real_nvp_cifar's couplings in most runs; so Glow
/// and RealNVP's convolutional couplings trained into NaN. With the AVX kernels the same runs were finite and
/// repeatable, at no cost the benchmark could see (docs/architecture.md, "oneDNN on AMD AVX-512"). oneDNN reads the
/// cap once, at its first primitive, so <see cref="NativeSettings.Configure"/> sets it first, and only that explicit
/// call does: loading the runtime changes nothing in the process. The user's own ONEDNN_MAX_CPU_ISA or
/// DNNL_MAX_CPU_ISA wins (<c>ONEDNN_MAX_CPU_ISA=ALL</c> keeps every kernel). Linux only.
/// </summary>
public static class OneDnnIsaCap
{
    /// <summary>The environment variable oneDNN reads its instruction-set cap from.</summary>
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The cap set on the affected processors.</summary>
    public const string Cap = "AVX";

    /// <summary>The cap <see cref="NativeSettings.Configure"/> set (<see cref="Cap"/>), or null where oneDNN keeps its own choice.</summary>
    public static string? Applied { get; private set; }

    /// <summary>Whether a processor described by <paramref name="cpuInfo"/> (/proc/cpuinfo's text) needs the cap, given the environment.</summary>
    public static bool IsNeeded(string cpuInfo, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(cpuInfo);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is not null || environment("DNNL_MAX_CPU_ISA") is not null) return false;
        return Field(cpuInfo, "vendor_id") == "AuthenticAMD"
            && Field(cpuInfo, "flags")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("avx512f") == true;
    }

    /// <summary>Sets the cap when this processor needs it (see the type's summary); <see cref="NativeSettings.Configure"/> calls it.</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Applied is not null) return;
        try
        {
            if (IsNeeded(File.ReadAllText("/proc/cpuinfo"), Environment.GetEnvironmentVariable) && LibC.setenv(Variable, Cap, 0) == 0)
                Applied = Cap;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /proc or no glibc: oneDNN keeps its own choice.
        }
    }

    // The value of the first "name : value" line of /proc/cpuinfo's text.
    private static string? Field(string cpuInfo, string name)
    {
        foreach (var line in cpuInfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == name) return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
