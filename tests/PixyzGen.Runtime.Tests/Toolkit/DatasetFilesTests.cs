using System;
using System.IO;
using System.Linq;
using PixyzGen.Datasets;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Toolkit;

/// <summary>Datasets read from files: IDX rows by offset equal to the in-memory loader, CIFAR-10's binary records, and errors that name the file.</summary>
public class DatasetFilesTests : TemporaryFolderTest
{
    private (string Images, string Labels) WriteMnist(string prefix, int count)
    {
        var images = Path.Combine(Folder, $"{prefix}-images-idx3-ubyte");
        var labels = Path.Combine(Folder, $"{prefix}-labels-idx1-ubyte");
        File.WriteAllBytes(images, Idx(new[] { count, 28, 28 }, Enumerable.Range(0, count * 784).Select(i => (byte)(i * 31 % 256)).ToArray()));
        File.WriteAllBytes(labels, Idx(new[] { count }, Enumerable.Range(0, count).Select(i => (byte)(i * 3 % 10)).ToArray()));
        return (images, labels);
    }

    [Test]
    public void Idx_rows_read_by_offset_equal_the_in_memory_dataset()
    {
        var (images, labels) = WriteMnist("train", 37);
        WriteMnist("t10k", 5);
        var (train, test) = MnistData.LoadDatasets(Folder);
        using var _ = test;
        using var memory = train;
        using var streamed = IdxRows.Open(images, labels);
        var rows = new long[] { 36, 0, 17, 17, 5 };
        var a = memory.GetBatch(rows);
        var b = streamed.GetBatch(rows);
        Assert.That(streamed.Count, Is.EqualTo(37));
        Assert.That(b["x"].data<float>().ToArray(), Is.EqualTo(a["x"].data<float>().ToArray()));
        Assert.That(b["y"].data<float>().ToArray(), Is.EqualTo(a["y"].data<float>().ToArray()));
        Assert.That(a["y"].argmax(1).data<long>().ToArray(), Is.EqualTo(rows.Select(r => r * 3 % 10).ToArray()));
    }

    [Test]
    public void Idx_rows_refuse_gzip_and_wrong_sizes_naming_the_file()
    {
        var (images, labels) = WriteMnist("train", 4);
        Assert.That(Assert.Throws<DataFileException>(() => IdxRows.Open(images + ".gz"))!.Message, Does.Contain(".gz: a gzip'd file cannot be read row by row"));
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..^3]);
        var error = Assert.Throws<DataFileException>(() => IdxRows.Open(images, labels))!;
        Assert.That(error.Path, Is.EqualTo(images));
        Assert.That(error.Message, Does.Contain("the header declares 3136 data bytes (4 x 28 x 28) but the file holds 3133"));
        var (more, _) = WriteMnist("more", 5);
        Assert.That(Assert.Throws<DataFileException>(() => IdxRows.Open(more, labels))!.Message, Does.Contain("4 labels for 5 rows"));
        Assert.That(Assert.Throws<DataFileException>(() => IdxRows.Open(Path.Combine(Folder, "absent"))).Message, Does.EndWith("absent: file not found"));
    }

    [Test]
    public void A_row_outside_the_dataset_is_named()
    {
        var (images, _) = WriteMnist("train", 4);
        using var rows = IdxRows.Open(images);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => rows.GetBatch(new long[] { 4 }))!.Message, Does.Contain("Row 4 is outside this dataset of 4 rows"));
    }

    private string WriteCifar(string name, int records, Func<int, byte> label)
    {
        var bytes = new byte[records * Cifar10Data.RecordBytes];
        for (var r = 0; r < records; r++)
        {
            bytes[r * Cifar10Data.RecordBytes] = label(r);
            for (var i = 1; i < Cifar10Data.RecordBytes; i++) bytes[r * Cifar10Data.RecordBytes + i] = (byte)((r * 5 + (i - 1) / 1024 * 100 + (i - 1) % 7) % 256);
        }
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void Cifar10_records_become_channel_first_images_in_0_1_and_one_hot_labels()
    {
        for (var i = 1; i <= 5; i++) WriteCifar($"data_batch_{i}.bin", 2, r => (byte)(r + i));
        WriteCifar("test_batch.bin", 3, r => 9);
        var (train, test) = Cifar10Data.Load(Folder);
        using var _ = train;
        using var __ = test;
        Assert.That(train.Count, Is.EqualTo(10));
        var batch = train.GetBatch(new long[] { 3 });   // file 2, record 1
        Assert.That(batch["x"].shape, Is.EqualTo(new long[] { 1, 3, 32, 32 }));
        Assert.That(batch["x"][0, 0, 0, 1].item<float>(), Is.EqualTo((5 + 1) / 255f));   // record 1, red plane, pixel 1
        Assert.That(batch["x"][0, 1, 0, 0].item<float>(), Is.EqualTo((5 + 100 + 1024 % 7) / 255f), "green follows 1,024 red bytes");
        Assert.That(batch["x"][0, 2, 1, 0].item<float>(), Is.EqualTo((5 + 200 + (2048 + 32) % 7) / 255f), "rows of 32 pixels");
        Assert.That(batch["y"].argmax(1).item<long>(), Is.EqualTo(3));
        Assert.That(test.GetBatch(new long[] { 0, 1, 2 })["y"].argmax(1).data<long>().ToArray(), Is.EqualTo(new long[] { 9, 9, 9 }));
    }

    [Test]
    public void Cifar10_errors_name_the_file()
    {
        var bad = WriteCifar("data_batch_1.bin", 2, r => (byte)(r == 1 ? 10 : 0));
        Assert.That(Assert.Throws<DataFileException>(() => Cifar10Data.Read(bad))!.Message, Does.EndWith("data_batch_1.bin: record 2 has label 10, outside 0-9"));
        File.WriteAllBytes(bad, new byte[Cifar10Data.RecordBytes + 1]);
        Assert.That(Assert.Throws<DataFileException>(() => Cifar10Data.Read(bad))!.Message, Does.Contain("3074 bytes is not a whole number of 3073-byte CIFAR-10 records"));
        Assert.That(Assert.Throws<DataFileException>(() => Cifar10Data.Load(Folder))!.Message, Does.Contain("data_batch_1.bin"));
        Assert.That(Assert.Throws<DataFileException>(() => Cifar10Data.Load(Path.Combine(Folder, "none")))!.Message, Does.EndWith("none: data folder not found"));
    }
}
