using System;
using System.IO;
using System.IO.Compression;

namespace PixyzGen.Datasets;

/// <summary>Reads IDX files (MNIST's format), gzip'd or plain, checking every header field against the data.</summary>
public static class IdxFile
{
    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an unsigned-byte IDX file of <paramref name="rank"/> dimensions: its dimensions and its bytes.</summary>
    public static (int[] Dimensions, byte[] Data) Read(string path, int rank)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        if (!RegularFile.IsReadable(path)) throw new DataFileException(path, "not a regular file (a FIFO, socket or device); give a file");
        try
        {
            using var file = File.OpenRead(path);
            var compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            using var stream = compressed ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            var header = ReadExactly(stream, 4, path, "the 4-byte magic number");
            if (header[0] != 0 || header[1] != 0 || header[2] != UnsignedByteType)
                throw new DataFileException(path, $"not an unsigned-byte IDX file (magic number {Convert.ToHexString(header)})");
            if (header[3] != rank)
                throw new DataFileException(path, $"expected {rank} dimensions but the header declares {header[3]}");

            var dimensions = new int[rank];
            long total = 1;
            for (var i = 0; i < rank; i++)
            {
                var bytes = ReadExactly(stream, 4, path, $"dimension {i + 1} of the header");
                dimensions[i] = bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3];
                if (dimensions[i] <= 0) throw new DataFileException(path, $"dimension {i + 1} is {dimensions[i]}");
                total *= dimensions[i];
            }
            if (total > int.MaxValue) throw new DataFileException(path, $"{total} values are more than this reader supports");
            // A plain file must hold what its header declares; checked before allocating, so a corrupt size costs nothing.
            if (!compressed && file.Length - 4 - 4 * rank < total)
                throw new DataFileException(path, $"truncated: the header declares {total} data bytes ({string.Join(" x ", dimensions)}) but the file holds {Math.Max(0, file.Length - 4 - 4 * rank)}");
            var data = ReadExactly(stream, (int)total, path, $"{total} data bytes ({string.Join(" x ", dimensions)})");
            if (stream.ReadByte() >= 0) throw new DataFileException(path, $"data continues past the {total} bytes the header declares");
            return (dimensions, data);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, $"corrupt gzip data ({e.Message})");
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new DataFileException(path, $"cannot be read ({e.Message})");
        }
    }

    // Grows the buffer as data arrives (at most doubling), so a header declaring billions of bytes in a small gzip file
    // fails at the data's end instead of allocating gigabytes first.
    private static byte[] ReadExactly(Stream stream, int count, string path, string what)
    {
        var buffer = new byte[Math.Min(count, 1 << 20)];
        var read = 0;
        while (read < count)
        {
            if (read == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) throw new DataFileException(path, $"truncated: expected {what}, found only {read} bytes of it");
            read += n;
        }
        return buffer;
    }
}
