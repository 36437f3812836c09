using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>
/// Minibatches of a dataset for training, through TorchSharp's <c>torch.utils.data</c> DataLoader: a batch size, a
/// shuffle that draws a new permutation each epoch from a seed (<see cref="EpochOrder"/>), dropping the last short
/// batch, the batch moved to a device, and batches read ahead on a background thread while
/// the model trains. Each batch is a <see cref="Variables"/> of the dataset's names ("x", "y", ...); its tensors belong
/// to the loader and are disposed when the next batch comes (keep a value with <c>clone()</c>).
/// A <see cref="BatchDataset"/> is read a whole batch per call; any other TorchSharp dataset row by row.
/// </summary>
public sealed class Batches : IEnumerable<Variables>, IDisposable
{
    private readonly utils.data.Dataset dataset;
    private readonly EpochOrder order;
    private readonly TorchSharp.Modules.DataLoader<long, Variables> loader;
    private readonly int prefetch;

    /// <param name="dataset">The rows; the loader does not dispose it.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="shuffle">A new random order each epoch (from <paramref name="seed"/> and the epoch) rather than the rows in order.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="dropLast">Leave out the last batch when it is shorter than <paramref name="batchSize"/>.</param>
    /// <param name="device">Where the batches go; the CPU when null.</param>
    /// <param name="prefetch">Batches read ahead on a background thread; 0 reads each batch when it is asked for.</param>
    public Batches(utils.data.Dataset dataset, int batchSize, bool shuffle = false, int seed = 0, bool dropLast = false, Device? device = null, int prefetch = 1)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "At least one row per batch.");
        if (prefetch < 0) throw new ArgumentOutOfRangeException(nameof(prefetch), prefetch, "Prefetch is 0 or more batches.");
        this.dataset = dataset;
        this.prefetch = prefetch;
        BatchSize = batchSize;
        DropLast = dropLast;
        order = new EpochOrder(dataset.Count, shuffle, seed);
        // The loader's items are row numbers: a BatchDataset then reads a batch in one call (the collate step).
        loader = new TorchSharp.Modules.DataLoader<long, Variables>(
            new RowNumbers(dataset.Count), batchSize, Collate, order, device ?? CPU,
            num_worker: 1, drop_last: dropLast, disposeBatch: false, disposeDataset: true);
    }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a last, shorter batch is left out.</summary>
    public bool DropLast { get; }

    /// <summary>The rows of the dataset.</summary>
    public long Rows => dataset.Count;

    /// <summary>Batches in one epoch.</summary>
    public long Count => loader.Count;

    /// <summary>The batches of <paramref name="epoch"/> (0-based; it picks the permutation), after the first <paramref name="skipBatches"/> (a resumed epoch).</summary>
    public IEnumerable<Variables> Epoch(int epoch, long skipBatches = 0)
    {
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "Epochs count from 0.");
        if (skipBatches < 0 || skipBatches > Count) throw new ArgumentOutOfRangeException(nameof(skipBatches), skipBatches, $"Between 0 and {Count} batches.");
        return new EpochBatches(this, epoch, skipBatches);
    }

    /// <summary>The batches of epoch 0.</summary>
    public IEnumerator<Variables> GetEnumerator() => Epoch(0).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Releases the loader (not the dataset).</summary>
    public void Dispose() => loader.Dispose();

    private Variables Collate(IEnumerable<long> rows, Device device)
    {
        using var scope = NewDisposeScope();
        var picked = rows.ToArray();
        var batch = dataset is BatchDataset batches ? batches.GetBatch(picked) : Stacked(picked);
        return new Variables(batch.Select(pair =>
            new KeyValuePair<string, Tensor>(pair.Key, pair.Value.to(device).MoveToOuterDisposeScope())));
    }

    // A dataset of TorchSharp's own kind: one dictionary per row, stacked as TorchSharp's collate does.
    private Variables Stacked(long[] rows)
    {
        var items = rows.Select(dataset.GetTensor).ToArray();
        return new Variables(items[0].Keys.Select(name =>
            new KeyValuePair<string, Tensor>(name, stack(items.Select(item => item[name]).ToArray(), 0))));
    }

    private void Position(int epoch, long skipBatches)
    {
        order.Epoch = epoch;
        order.Skip = skipBatches * BatchSize;
    }

    private static void Release(Variables? batch)
    {
        if (batch is null) return;
        foreach (var value in batch.Values) value.Dispose();
    }

    private sealed class RowNumbers(long count) : utils.data.Dataset<long>
    {
        public override long Count => count;

        public override long GetTensor(long index) => index;
    }

    private sealed class EpochBatches(Batches owner, int epoch, long skip) : IEnumerable<Variables>
    {
        public IEnumerator<Variables> GetEnumerator()
        {
            lock (owner.order)
            {
                // The loader reads the order when enumeration starts: position it, then take the enumerator.
                owner.Position(epoch, skip);
                var source = owner.loader.GetEnumerator();
                return owner.prefetch == 0 ? new Direct(source) : new Prefetched(source, owner.prefetch);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Each batch read when asked for; the previous one disposed.
    private sealed class Direct(IEnumerator<Variables> source) : IEnumerator<Variables>
    {
        private Variables? current;

        public Variables Current => current ?? throw new InvalidOperationException("No current batch.");

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            Release(current);
            current = null;
            if (!source.MoveNext()) return false;
            current = source.Current;
            return true;
        }

        public void Reset() => throw new NotSupportedException("Ask the loader for the epoch again.");

        public void Dispose()
        {
            Release(current);
            current = null;
            source.Dispose();
        }
    }

    // Batches read on a background thread into a bounded channel; an error there surfaces at the next MoveNext.
    private sealed class Prefetched : IEnumerator<Variables>
    {
        private readonly Channel<Variables> channel;
        private readonly CancellationTokenSource stop = new();
        private readonly Task reader;
        private Variables? current;

        public Prefetched(IEnumerator<Variables> source, int depth)
        {
            channel = Channel.CreateBounded<Variables>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
            reader = Task.Run(() => Fill(source));
        }

        private async Task Fill(IEnumerator<Variables> source)
        {
            Exception? failure = null;
            try
            {
                using (source)
                    while (!stop.IsCancellationRequested && source.MoveNext())
                    {
                        var batch = source.Current;
                        try { await channel.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false); }
                        catch (OperationCanceledException)
                        {
                            Release(batch);
                            break;
                        }
                    }
            }
            catch (Exception e)
            {
                failure = e;
            }
            channel.Writer.TryComplete(failure);
        }

        public Variables Current => current ?? throw new InvalidOperationException("No current batch.");

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            Release(current);
            current = null;
            try
            {
                if (!channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) return false;
            }
            catch (ChannelClosedException e) when (e.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            }
            current = channel.Reader.TryRead(out var batch) ? batch : null;
            return current is not null;
        }

        public void Reset() => throw new NotSupportedException("Ask the loader for the epoch again.");

        public void Dispose()
        {
            Release(current);
            current = null;
            stop.Cancel();
            try { reader.Wait(); }
            catch (AggregateException) { }
            while (channel.Reader.TryRead(out var left)) Release(left);
            stop.Dispose();
        }
    }
}
