using System;
using System.Threading;

namespace PixyzGen;

/// <summary>
/// The batch size for draws of distributions that have no inputs to carry one (Pixyz's <c>batch_n</c> / <c>train(batch_size=...)</c>),
/// in force for a scope: <c>using (SamplingBatch.Use(128)) loss = model.Vi();</c>. Without a scope such draws have one
/// row, as before. <see cref="Model.BatchSize"/> sets it for each training and test step; generated loss bodies and
/// the dynamic API both read it, so they agree.
/// </summary>
public static class SamplingBatch
{
    private static readonly AsyncLocal<long?> Ambient = new();

    /// <summary>The batch size in force, or null outside any scope.</summary>
    public static long? Current => Ambient.Value;

    /// <summary>Sets the batch size until the returned scope is disposed (scopes nest; the previous value comes back).</summary>
    public static IDisposable Use(long batchSize)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), $"A batch size must be positive, got {batchSize}.");
        var previous = Ambient.Value;
        Ambient.Value = batchSize;
        return new Scope(previous);
    }

    private sealed class Scope(long? previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Ambient.Value = previous;
        }
    }
}
