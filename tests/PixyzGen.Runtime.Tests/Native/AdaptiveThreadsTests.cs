using System;
using System.Diagnostics;
using System.Threading;

namespace PixyzGen.Runtime.Tests.Native;

/// <summary>The adaptive thread count: the choice from the measured load, the load measurement itself, and its lifecycle.</summary>
[NonParallelizable]
public class AdaptiveThreadsTests
{
    [TestCase(0.0, 2, 2, 2)]
    [TestCase(0.4, 2, 2, 2)]
    [TestCase(0.6, 2, 2, 1)]
    [TestCase(1.0, 2, 2, 1)]
    [TestCase(2.0, 2, 2, 1)]
    [TestCase(1.2, 8, 8, 7)]
    [TestCase(0.0, 8, 4, 4)]
    public void The_choice_is_the_free_cores_rounded_at_least_one_at_most_the_maximum(double otherCores, int cores, int max, int expected) =>
        Assert.That(AdaptiveThreads.Choose(otherCores, cores, max), Is.EqualTo(expected));

    [Test]
    public void A_busy_process_shows_as_about_one_core_of_other_load()
    {
        var monitor = CpuLoad.TryStart();
        if (monitor is null) Assert.Ignore("/proc is not readable here");
        using var busy = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"while :; do :; done\"") { UseShellExecute = false })!;
        try
        {
            Thread.Sleep(200);
            monitor!.OtherCores();   // from here on the busy process runs the whole interval
            Thread.Sleep(800);
            Assert.That(monitor.OtherCores(), Is.GreaterThan(0.5), "one busy loop keeps about one core busy");
            Assert.That(monitor.MachineCores, Is.GreaterThanOrEqualTo(Environment.ProcessorCount), "/proc/stat counts the machine's cores");
        }
        finally
        {
            busy.Kill();
            busy.WaitForExit();
        }
    }

    [Test]
    public void Configure_adapts_by_default_and_a_given_count_is_fixed()
    {
        var before = TorchSharp.torch.get_num_threads();
        try
        {
            var fixedCount = NativeSettings.Configure(threads: 1);
            Assert.That((fixedCount.Threads, fixedCount.AdaptiveThreads, AdaptiveThreads.IsActive), Is.EqualTo((1, false, false)));
            var adaptive = NativeSettings.Configure();
            Assert.That(adaptive.AdaptiveThreads, Is.EqualTo(Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null && CpuLoad.TryStart() is not null));
            Assert.That(NativeSettings.Configure(threads: before).AdaptiveThreads, Is.False);
            Assert.That(AdaptiveThreads.IsActive, Is.False, "a fixed count stops the adaptation");
        }
        finally
        {
            AdaptiveThreads.Stop();
            TorchSharp.torch.set_num_threads(before);
        }
    }

    /// <summary>A loss evaluation (its forward-pass cache) leaves the thread count alone; the trainer's call applies the policy.</summary>
    [Test]
    public void The_thread_policy_is_applied_by_the_step_not_by_a_loss_evaluation()
    {
        var before = TorchSharp.torch.get_num_threads();
        if (Environment.ProcessorCount < 2) Assert.Ignore("needs two cores to tell two counts apart");
        try
        {
            TorchSharp.torch.set_num_threads(1);
            if (!AdaptiveThreads.Start(2)) Assert.Ignore("/proc is not readable here");
            using (ForwardMemo.Begin())
                Assert.That(TorchSharp.torch.get_num_threads(), Is.EqualTo(1), "opening a loss evaluation changes no setting");
            NativeSettings.ApplyThreadPolicy();   // within the first sampling period the choice is still the maximum
            Assert.That(TorchSharp.torch.get_num_threads(), Is.EqualTo(2));
        }
        finally
        {
            AdaptiveThreads.Stop();
            TorchSharp.torch.set_num_threads(before);
        }
    }
}
