using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>
/// Loads CIFAR-10's binary version (the folder <c>cifar-10-batches-bin</c>: <c>data_batch_1.bin</c> to
/// <c>data_batch_5.bin</c> and <c>test_batch.bin</c>, each a run of 3,073-byte records: the label, then 1,024 red,
/// 1,024 green and 1,024 blue bytes). Every problem is a <see cref="DataFileException"/> naming the file.
/// </summary>
public static class Cifar10Data
{
    /// <summary>Bytes of one record: the label and a 3 x 32 x 32 image.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    private const int ImageBytes = 3 * 32 * 32;

    /// <summary>The five training files and the test file of <paramref name="folder"/>.</summary>
    public static (Cifar10Dataset Train, Cifar10Dataset Test) Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DataFileException(folder, "data folder not found");
        var train = Read(Enumerable.Range(1, 5).Select(i => Path.Combine(folder, $"data_batch_{i}.bin")).ToArray());
        var test = Read(new[] { Path.Combine(folder, "test_batch.bin") });
        return (train, test);
    }

    /// <summary>The records of <paramref name="files"/>, in order, as one dataset.</summary>
    public static Cifar10Dataset Read(params string[] files)
    {
        var contents = files.Select(ReadChecked).ToArray();
        var count = contents.Sum(c => c.Length / RecordBytes);
        var images = new byte[(long)count * ImageBytes];
        var labels = new long[count];
        var row = 0;
        foreach (var bytes in contents)
            for (var start = 0; start < bytes.Length; start += RecordBytes, row++)
            {
                labels[row] = bytes[start];
                Array.Copy(bytes, start + 1, images, (long)row * ImageBytes, ImageBytes);
            }
        return new Cifar10Dataset(
            tensor(images, new long[] { count, 3, 32, 32 }, ScalarType.Byte),
            tensor(labels, ScalarType.Int64));
    }

    private static byte[] ReadChecked(string file)
    {
        if (!File.Exists(file)) throw new DataFileException(file, "file not found");
        if (!RegularFile.IsReadable(file)) throw new DataFileException(file, "not a regular file (a FIFO, socket or device); give a file");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (IOException e) { throw new DataFileException(file, $"cannot be read ({e.Message})"); }
        if (bytes.Length == 0 || bytes.Length % RecordBytes != 0)
            throw new DataFileException(file, $"{bytes.Length} bytes is not a whole number of {RecordBytes}-byte CIFAR-10 records");
        for (var start = 0; start < bytes.Length; start += RecordBytes)
            if (bytes[start] > 9) throw new DataFileException(file, $"record {start / RecordBytes + 1} has label {bytes[start]}, outside 0-9");
        return bytes;
    }
}

/// <summary>
/// CIFAR-10 images kept as bytes (a quarter of the memory of floats) and turned into "x", [B, 3, 32, 32] floats in
/// [0, 1] as torchvision's ToTensor gives them, and "y", the label one-hot, a batch at a time.
/// </summary>
public sealed class Cifar10Dataset : BatchDataset
{
    private readonly Tensor images;
    private readonly Tensor labels;

    internal Cifar10Dataset(Tensor images, Tensor labels)
    {
        this.images = images;
        this.labels = labels;
    }

    /// <summary>CIFAR-10's class names, by label.</summary>
    public static IReadOnlyList<string> Classes { get; } =
        new[] { "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck" };

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = new[] { "x", "y" };

    /// <inheritdoc/>
    public override long Count => labels.shape[0];

    /// <inheritdoc/>
    public override Variables GetBatch(long[] rows)
    {
        CheckRows(rows);
        using var scope = NewDisposeScope();
        var index = tensor(rows, ScalarType.Int64);
        var x = images.index_select(0, index).to(ScalarType.Float32).div_(255f);
        var y = nn.functional.one_hot(labels.index_select(0, index), 10).to(ScalarType.Float32);
        return new Variables { ["x"] = x.MoveToOuterDisposeScope(), ["y"] = y.MoveToOuterDisposeScope() };
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        images.Dispose();
        labels.Dispose();
    }
}
