using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Datasets;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Toolkit;

/// <summary>The loader over TorchSharp's DataLoader: every row once per epoch, a new order each epoch from the seed, resume by skipping, prefetch equal to reading in place.</summary>
public class BatchesTests
{
    private static InMemoryDataset Rows(long count) =>
        new(("x", arange(count, ScalarType.Float32).unsqueeze(1)), ("y", arange(count, ScalarType.Int64).mul(10)));

    private static List<long[]> Read(IEnumerable<Variables> batches) =>
        batches.Select(b =>
        {
            var x = b["x"].squeeze(1).to(ScalarType.Int64).data<long>().ToArray();
            Assert.That(b["y"].data<long>().ToArray(), Is.EqualTo(x.Select(v => v * 10).ToArray()), "y travels with its x");
            return x;
        }).ToList();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void Every_row_comes_once_per_epoch_in_a_new_order_each_epoch(int prefetch)
    {
        using var data = Rows(103);
        using var batches = new Batches(data, 10, shuffle: true, seed: 7, prefetch: prefetch);
        var first = Read(batches.Epoch(0));
        var second = Read(batches.Epoch(1));
        Assert.That(batches.Count, Is.EqualTo(11));
        Assert.That(first.Select(b => b.Length), Is.EqualTo(Enumerable.Repeat(10, 10).Append(3)));
        Assert.That(first.SelectMany(b => b).Order(), Is.EqualTo(Enumerable.Range(0, 103).Select(i => (long)i)));
        Assert.That(second.SelectMany(b => b).Order(), Is.EqualTo(Enumerable.Range(0, 103).Select(i => (long)i)));
        Assert.That(second.SelectMany(b => b), Is.Not.EqualTo(first.SelectMany(b => b)), "a new permutation each epoch, as PyTorch's DataLoader");
        Assert.That(first.SelectMany(b => b), Is.Not.EqualTo(Enumerable.Range(0, 103).Select(i => (long)i)), "shuffled");
    }

    [Test]
    public void The_order_depends_only_on_seed_and_epoch_and_prefetch_changes_nothing()
    {
        using var data = Rows(50);
        using var direct = new Batches(data, 8, shuffle: true, seed: 3, prefetch: 0);
        using var ahead = new Batches(data, 8, shuffle: true, seed: 3, prefetch: 2);
        using var other = new Batches(data, 8, shuffle: true, seed: 4);
        Assert.That(Read(ahead.Epoch(2)), Is.EqualTo(Read(direct.Epoch(2))));
        Assert.That(Read(other.Epoch(2)).SelectMany(b => b), Is.Not.EqualTo(Read(direct.Epoch(2)).SelectMany(b => b)));
    }

    [Test]
    public void Skipping_batches_continues_the_epoch_where_it_stopped()
    {
        using var data = Rows(50);
        using var batches = new Batches(data, 8, shuffle: true, seed: 3);
        var whole = Read(batches.Epoch(4));
        Assert.That(Read(batches.Epoch(4, skipBatches: 3)), Is.EqualTo(whole.Skip(3)));
        Assert.That(Read(batches.Epoch(4, skipBatches: whole.Count)), Is.Empty);
    }

    [Test]
    public void Drop_last_leaves_out_the_short_batch_and_no_shuffle_keeps_the_order()
    {
        using var data = Rows(23);
        using var batches = new Batches(data, 5, dropLast: true);
        var read = Read(batches);
        Assert.That(batches.Count, Is.EqualTo(4));
        Assert.That(read.SelectMany(b => b), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
    }

    [Test]
    public void A_torchsharp_dataset_of_rows_is_stacked_as_torchsharps_collate_does()
    {
        using var data = new RowDataset(9);
        using var batches = new Batches(data, 4, prefetch: 0);
        var read = batches.Select(b => (b["x"].shape, b["x"][0, 1].item<float>())).ToList();
        Assert.That(read.Select(r => r.shape), Is.EqualTo(new[] { new long[] { 4, 2 }, new long[] { 4, 2 }, new long[] { 1, 2 } }));
        Assert.That(read.Select(r => r.Item2), Is.EqualTo(new[] { 0f, 4f, 8f }));
    }

    [TestCase(0)]
    [TestCase(2)]
    public void A_failing_read_surfaces_at_the_batch_that_needed_it_with_the_file_named(int prefetch)
    {
        using var data = new FailingDataset(30, failAt: 12);
        using var batches = new Batches(data, 5, prefetch: prefetch);
        var seen = 0;
        var error = Assert.Throws<DataFileException>(() =>
        {
            foreach (var _ in batches) seen++;
        })!;
        Assert.That(error.Message, Does.StartWith("broken.idx:"));
        Assert.That(seen, Is.EqualTo(2), "the batches before the bad row arrive");
    }

    [Test]
    public void Batches_are_disposed_when_the_next_one_comes_and_when_the_loop_ends_early()
    {
        using var data = Rows(40);
        using var batches = new Batches(data, 10, prefetch: 2);
        var kept = new List<Tensor>();
        foreach (var batch in batches)
        {
            kept.Add(batch["x"]);
            if (kept.Count == 2) break;
        }
        Assert.That(kept.All(t => t.IsInvalid), Is.True);
    }

    private sealed class RowDataset(long count) : utils.data.Dataset
    {
        public override long Count => count;

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["x"] = tensor(new float[] { -index, index }) };
    }

    private sealed class FailingDataset(long count, long failAt) : BatchDataset
    {
        public override IReadOnlyList<string> Names { get; } = new[] { "x" };

        public override long Count => count;

        public override Variables GetBatch(long[] rows) => rows.Contains(failAt)
            ? throw new DataFileException("broken.idx", $"row {failAt} cannot be read")
            : new Variables { ["x"] = tensor(rows.Select(r => (float)r).ToArray()) };
    }
}
