using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Win32.SafeHandles;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>
/// An IDX file (MNIST's format) too large for memory, read a batch at a time: each row is read at its offset, so
/// memory holds one batch whatever the file's size. The file must be uncompressed (a gzip stream has no offsets).
/// "x" holds each row's bytes as floats in [0, 1], flattened ([B, 784] for MNIST); with a labels file, "y" holds
/// the label one-hot over <c>classes</c>. Reads are thread-safe (positioned reads on one handle), so a prefetching
/// <see cref="Batches"/> may read ahead.
/// </summary>
public sealed class IdxRows : BatchDataset
{
    private readonly SafeFileHandle images;
    private readonly string path;
    private readonly long dataStart;
    private readonly int rowBytes;
    private readonly byte[]? labels;
    private readonly int classes;

    private IdxRows(SafeFileHandle images, string path, long dataStart, long count, int rowBytes, byte[]? labels, int classes)
    {
        this.images = images;
        this.path = path;
        this.dataStart = dataStart;
        this.rowBytes = rowBytes;
        this.labels = labels;
        this.classes = classes;
        Count = count;
        Names = labels is null ? new[] { "x" } : new[] { "x", "y" };
    }

    /// <summary>
    /// Opens <paramref name="imagesPath"/> (an uncompressed unsigned-byte IDX file of any rank) and, when given,
    /// <paramref name="labelsPath"/> (one label per row, read into memory, each below <paramref name="classes"/>).
    /// The headers and sizes are checked now; every problem is a <see cref="DataFileException"/> naming the file.
    /// </summary>
    public static IdxRows Open(string imagesPath, string? labelsPath = null, int classes = 10)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "At least one class.");
        if (imagesPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            throw new DataFileException(imagesPath, "a gzip'd file cannot be read row by row; decompress it (gunzip -k) or load it into memory with MnistData");
        var (dimensions, dataStart) = IdxHeader(imagesPath);
        long rowBytes = 1;
        for (var i = 1; i < dimensions.Length; i++) rowBytes *= dimensions[i];
        if (rowBytes > int.MaxValue) throw new DataFileException(imagesPath, $"a row of {rowBytes} bytes is more than this reader supports");
        byte[]? labels = null;
        if (labelsPath is not null)
        {
            var (labelDimensions, labelBytes) = IdxFile.Read(labelsPath, 1);
            if (labelDimensions[0] != dimensions[0])
                throw new DataFileException(labelsPath, $"{labelDimensions[0]} labels for {dimensions[0]} rows in {Path.GetFileName(imagesPath)}");
            var bad = Array.FindIndex(labelBytes, l => l >= classes);
            if (bad >= 0) throw new DataFileException(labelsPath, $"label {labelBytes[bad]} of row {bad + 1} is not below {classes} classes");
            labels = labelBytes;
        }
        var handle = File.OpenHandle(imagesPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return new IdxRows(handle, Path.GetFullPath(imagesPath), dataStart, dimensions[0], (int)rowBytes, labels, classes);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; }

    /// <inheritdoc/>
    public override long Count { get; }

    /// <inheritdoc/>
    public override Variables GetBatch(long[] rows)
    {
        CheckRows(rows);
        var bytes = new byte[(long)rows.Length * rowBytes];
        for (var i = 0; i < rows.Length; i++)
        {
            var target = bytes.AsSpan(i * rowBytes, rowBytes);
            var offset = dataStart + rows[i] * rowBytes;
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(images, target, offset);
                if (read == 0) throw new DataFileException(path, $"row {rows[i]} ends early: the file shrank after it was opened");
                target = target[read..];
                offset += read;
            }
        }
        using var scope = NewDisposeScope();
        var x = tensor(bytes, new long[] { rows.Length, rowBytes }, ScalarType.Byte).to(ScalarType.Float32).div_(255f);
        if (labels is null) return new Variables { ["x"] = x.MoveToOuterDisposeScope() };
        var picked = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++) picked[i] = labels[rows[i]];
        var y = nn.functional.one_hot(tensor(picked, ScalarType.Int64), classes).to(ScalarType.Float32);
        return new Variables { ["x"] = x.MoveToOuterDisposeScope(), ["y"] = y.MoveToOuterDisposeScope() };
    }

    // The header only: magic number, dimensions, and that the file holds every row it declares.
    private static (long[] Dimensions, long DataStart) IdxHeader(string path)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        if (!RegularFile.IsReadable(path)) throw new DataFileException(path, "not a regular file (a FIFO, socket or device); give a file");
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            if (file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4) throw new DataFileException(path, "truncated: no 4-byte magic number");
            if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08)
                throw new DataFileException(path, $"not an unsigned-byte IDX file (magic number {Convert.ToHexString(magic)})");
            if (magic[3] == 0) throw new DataFileException(path, "the header declares no dimensions");
            var dimensions = new long[magic[3]];
            Span<byte> word = stackalloc byte[4];
            long total = 1;
            for (var i = 0; i < dimensions.Length; i++)
            {
                if (file.ReadAtLeast(word, 4, throwOnEndOfStream: false) < 4) throw new DataFileException(path, $"truncated: no dimension {i + 1} in the header");
                dimensions[i] = (long)word[0] << 24 | (long)word[1] << 16 | (long)word[2] << 8 | word[3];
                if (dimensions[i] <= 0) throw new DataFileException(path, $"dimension {i + 1} is {dimensions[i]}");
                total = checked(total * dimensions[i]);
            }
            var dataStart = 4 + 4L * dimensions.Length;
            if (file.Length - dataStart != total)
                throw new DataFileException(path, $"the header declares {total} data bytes ({string.Join(" x ", dimensions)}) but the file holds {Math.Max(0, file.Length - dataStart)}");
            return (dimensions, dataStart);
        }
        catch (OverflowException)
        {
            throw new DataFileException(path, "the header's dimensions multiply past 2^63 bytes");
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new DataFileException(path, $"cannot be read ({e.Message})");
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) images.Dispose();
    }
}
