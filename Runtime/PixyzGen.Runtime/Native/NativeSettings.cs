using System;
using System.Runtime.InteropServices;

namespace PixyzGen;

/// <summary>
/// What <see cref="NativeSettings.Configure"/> applied (null where it left the user's or the default value);
/// <see cref="Threads"/> is the count at configuration, which <see cref="AdaptiveThreads"/> lowers while other processes
/// keep cores busy; <see cref="OneDnnMaxCpuIsa"/> is the convolution library's cap (<see cref="OneDnnIsaCap"/>).
/// </summary>
public sealed record NativeConfiguration(string? GompSpinCount, int? MmapThreshold, int Threads, bool AdaptiveThreads = false, string? OneDnnMaxCpuIsa = null);

/// <summary>
/// Native settings measured to matter for TorchSharp training on CPU (see docs/architecture.md): libgomp's spin
/// policy, glibc's mmap threshold, the intra-op thread count and oneDNN's instruction-set cap on the processors that
/// need it. They change the whole process, so nothing in PixyzGen applies them unless you call <see cref="Configure"/>
/// (once, before any other TorchSharp call; the samples and the template do). A training loop of your own calls
/// <see cref="ApplyThreadPolicy"/> once per step; PixyzGen's trainers do.
/// </summary>
public static class NativeSettings
{
    /// <summary>glibc's allocator keeps freed blocks above this size off its heap, so resident memory stays flat.</summary>
    public const int MmapThreshold = 131072;

    /// <summary>A bounded spin before sleeping: as fast as libgomp's default while burning less CPU when idle.</summary>
    public const string SpinCount = "20000";

    private const int MallocMmapThresholdOption = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    /// <summary>
    /// Sets GOMP_SPINCOUNT (unless OMP_WAIT_POLICY or GOMP_SPINCOUNT is set) through libc so libgomp sees it when it
    /// loads, sets glibc's mmap threshold (unless MALLOC_MMAP_THRESHOLD_ is set), then the intra-op thread count: the
    /// given <paramref name="threads"/>, fixed; or, without them and without OMP_NUM_THREADS, libtorch's count (the
    /// cores) lowered while other processes keep cores busy (<paramref name="adaptThreads"/>, on by default: spinning
    /// threads on a loaded machine made steps 4-6x slower, one thread on an idle one 1.2-1.4x; docs/performance.md).
    /// Before all of these, caps oneDNN's instruction set where this processor needs it (<see cref="OneDnnIsaCap"/>).
    /// Does nothing native outside glibc-based Linux.
    /// </summary>
    public static NativeConfiguration Configure(int? threads = null, bool adaptThreads = true)
    {
        OneDnnIsaCap.Apply();
        string? spin = null;
        int? threshold = null;
        if (OperatingSystem.IsLinux())
        {
            if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null && Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is null
                && TrySetEnvironment("GOMP_SPINCOUNT", SpinCount))
                spin = SpinCount;
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null && TrySetMmapThreshold(MmapThreshold))
                threshold = MmapThreshold;
        }
        var adaptive = false;
        if (threads is { } count)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(threads), count, "At least one thread is needed.");
            AdaptiveThreads.Stop();
            TorchSharp.torch.set_num_threads(count);
        }
        else if (adaptThreads && Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null)
        {
            adaptive = AdaptiveThreads.Start(TorchSharp.torch.get_num_threads());
        }
        return new NativeConfiguration(spin, threshold, TorchSharp.torch.get_num_threads(), adaptive, OneDnnIsaCap.Applied);
    }

    /// <summary>
    /// Brings the calling thread's intra-op thread count to the choice of the adaptive policy <see cref="Configure"/>
    /// started (libtorch's count belongs to the thread that sets it); one field read when nothing changed, nothing when
    /// Configure fixed the count or was not called. PixyzGen's trainers (<see cref="Model.Train"/>, <see cref="Model.Test"/>,
    /// the adversarial losses' discriminator steps) call it each step; call it at the start of each step of a loop of your own.
    /// </summary>
    public static void ApplyThreadPolicy() => AdaptiveThreads.Apply();

    private static bool TrySetEnvironment(string name, string value)
    {
        try
        {
            // .NET's Environment.SetEnvironmentVariable does not reach native code; libc's setenv does.
            return LibC.setenv(name, value, 1) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool TrySetMmapThreshold(int bytes)
    {
        try
        {
            return LibC.mallopt(MallocMmapThresholdOption, bytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no mallopt)
        }
    }
}
