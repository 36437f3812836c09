using System;
using System.Collections;
using System.Collections.Generic;

namespace PixyzGen.Datasets;

/// <summary>
/// The order rows are visited in one epoch: a permutation that depends only on the seed and the epoch (so a resumed
/// run visits the rows an uninterrupted one would), or the rows in order. TorchSharp's seeded shuffler repeats one
/// permutation every epoch; PyTorch's DataLoader, which Pixyz's notebooks use, draws a new one each epoch, as this does.
/// </summary>
public sealed class EpochOrder : IEnumerable<long>
{
    private readonly long count;
    private readonly bool shuffle;
    private readonly int seed;

    /// <summary>An order over <paramref name="count"/> rows, shuffled with <paramref name="seed"/> when <paramref name="shuffle"/>.</summary>
    public EpochOrder(long count, bool shuffle, int seed)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A row count is not negative.");
        if (shuffle && count > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(count), count, $"At most {Array.MaxLength} rows can be shuffled.");
        this.count = count;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /// <summary>The epoch (0-based) whose permutation is visited.</summary>
    public int Epoch { get; set; }

    /// <summary>How many rows of the epoch's order to pass over first (a resumed epoch's rows already trained on).</summary>
    public long Skip { get; set; }

    /// <summary>The rows of <see cref="Epoch"/>'s order after the first <see cref="Skip"/>, as they are when this is called.</summary>
    public IEnumerator<long> GetEnumerator() => Rows(Epoch, Skip).GetEnumerator();

    private IEnumerable<long> Rows(int epoch, long skip)
    {
        var rows = shuffle ? Permutation(count, seed, epoch) : null;
        for (var i = Math.Max(0, skip); i < count; i++) yield return rows is null ? i : rows[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Fisher-Yates with .NET's seeded generator (its seeded sequence is kept stable for compatibility).</summary>
    internal static long[] Permutation(long count, int seed, int epoch)
    {
        var random = new Random(HashCode(seed, epoch));
        var rows = new long[count];
        for (long i = 0; i < count; i++) rows[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt64(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        return rows;
    }

    // A fixed mix of seed and epoch (System.HashCode is randomized per process, so it cannot be used).
    private static int HashCode(int seed, int epoch) => unchecked((int)((uint)seed * 2654435761u ^ (uint)epoch * 40503u + 0x9E3779B9u));
}
