using System;
using System.Threading;

namespace PixyzGen.Training;

/// <summary>
/// Ctrl+C as a request to stop training (the trainer then finishes its step and writes its checkpoint), for programs
/// that ask for it: <c>using var stop = StopSignal.OnCtrlC(); trainer.Fit(train, test, stop.Token);</c>. The first
/// Ctrl+C is taken; a second ends the process as usual. Disposing removes the handler.
/// </summary>
public sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private int presses;

    private StopSignal() => Console.CancelKeyPress += OnCancelKeyPress;

    /// <summary>Listens for Ctrl+C until disposed.</summary>
    public static StopSignal OnCtrlC() => new();

    /// <summary>Cancelled at the first Ctrl+C.</summary>
    public CancellationToken Token => source.Token;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref presses) > 1) return;
        e.Cancel = true;
        source.Cancel();
    }

    /// <summary>Removes the handler.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        source.Dispose();
    }
}
