using System;
using System.Threading;

namespace PixyzGen;

/// <summary>
/// The intra-op thread count that follows the machine: all the cores libtorch would use while the machine is free,
/// fewer while other processes keep cores busy (measured on a shared 2-core VM: with one busy process, two spinning
/// threads made a VAE step 4.4x slower than one thread, while on an idle machine one thread was 1.4x slower than two;
/// docs/performance.md). A timer samples the load every <see cref="Period"/>; the change takes effect on the training
/// thread at its next step (<see cref="Apply"/>, through <see cref="NativeSettings.ApplyThreadPolicy"/>, which trainers
/// call each step), since libtorch's OpenMP thread count belongs to the thread that sets it.
/// </summary>
internal static class AdaptiveThreads
{
    /// <summary>How often the load is sampled.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private static readonly object Gate = new();
    private static int maxThreads;
    private static volatile int desired;   // 0: not adapting
    private static double smoothedOtherCores;
    private static CpuLoad? load;
    private static Timer? timer;

    [ThreadStatic] private static int applied;

    /// <summary>Whether the thread count follows the load.</summary>
    public static bool IsActive => desired != 0;

    /// <summary>Starts following the load with at most <paramref name="threads"/> threads; false where the load cannot be read.</summary>
    public static bool Start(int threads)
    {
        if (CpuLoad.TryStart() is not { } monitor) return false;
        lock (Gate)
        {
            timer?.Dispose();
            load = monitor;
            maxThreads = threads;
            smoothedOtherCores = 0;
            desired = threads;
            timer = new Timer(_ => Sample(), null, Period, Period);
        }
        return true;
    }

    /// <summary>Stops following the load (the current thread keeps its count).</summary>
    public static void Stop()
    {
        lock (Gate)
        {
            timer?.Dispose();
            timer = null;
            desired = 0;
        }
    }

    /// <summary>Sets the calling thread's intra-op threads to the current choice when it changed: one field read otherwise.</summary>
    public static void Apply()
    {
        var choice = desired;
        if (choice == 0 || choice == applied) return;
        TorchSharp.torch.set_num_threads(choice);
        applied = choice;
    }

    /// <summary>
    /// The thread count for the cores other processes use: the machine's free cores, rounded to the nearest, at least one
    /// and at most <paramref name="max"/> (libtorch's count, which follows what this process may use).
    /// </summary>
    internal static int Choose(double otherCores, int cores, int max) => Math.Clamp((int)Math.Floor(cores - otherCores + 0.5), 1, max);

    private static void Sample()
    {
        lock (Gate)
        {
            if (load?.OtherCores() is not { } other || desired == 0) return;
            // Half-life of one period: a short burst of other work moves the choice only when it lasts.
            smoothedOtherCores = 0.5 * smoothedOtherCores + 0.5 * other;
            desired = Choose(smoothedOtherCores, load.MachineCores, maxThreads);
        }
    }
}
