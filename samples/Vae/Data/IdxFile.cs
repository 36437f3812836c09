using System;
using System.IO;
using System.IO.Compression;

namespace PixyzGen.Samples.Vae.Data;

/// <summary>Reads IDX files (MNIST's format), gzip'd or plain, checking every header field against the data.</summary>
public static class IdxFile
{
    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an unsigned-byte IDX file of <paramref name="rank"/> dimensions: its dimensions and its bytes.</summary>
    public static (int[] Dimensions, byte[] Data) Read(string path, int rank)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        try
        {
            using var file = File.OpenRead(path);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
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

    private static byte[] ReadExactly(Stream stream, int count, string path, string what)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0) throw new DataFileException(path, $"truncated: expected {what}, found only {read} bytes of it");
            read += n;
        }
        return buffer;
    }
}
