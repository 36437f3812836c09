using System;
using System.Buffers.Binary;
using System.IO;

namespace PixyzGen;

/// <summary>
/// The dynamic string table (.dynstr) of a 64-bit little-endian ELF shared library: the names of the symbols it
/// exports, read from the section headers without loading the rest of the file.
/// </summary>
internal static class ElfDynamicStrings
{
    private const int SectionHeaderSize = 64;
    private const uint StringTable = 3;   // SHT_STRTAB

    /// <summary>The bytes of .dynstr, or null when the file is not a 64-bit little-endian ELF file with one.</summary>
    public static byte[]? Read(string path)
    {
        using var file = File.OpenRead(path);
        var header = ReadAt(file, 0, 64);
        if (header is null || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F' || header[4] != 2 || header[5] != 1)
            return null;
        var sectionsAt = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3C));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3E));
        if (entrySize != SectionHeaderSize || count == 0 || namesIndex >= count) return null;
        var sections = ReadAt(file, sectionsAt, count * SectionHeaderSize);
        if (sections is null) return null;

        var names = Contents(file, sections, namesIndex);
        if (names is null) return null;
        for (var i = 0; i < count; i++)
        {
            var section = sections.AsSpan(i * SectionHeaderSize, SectionHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(section[4..]) != StringTable) continue;
            var nameAt = (int)BinaryPrimitives.ReadUInt32LittleEndian(section);
            if (nameAt < names.Length && NameAt(names, nameAt) == ".dynstr") return Contents(file, sections, i);
        }
        return null;
    }

    private static byte[]? Contents(FileStream file, byte[] sections, int index)
    {
        var section = sections.AsSpan(index * SectionHeaderSize, SectionHeaderSize);
        var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(section[0x18..]);
        var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(section[0x20..]);
        return size is > 0 and <= int.MaxValue ? ReadAt(file, offset, (int)size) : null;
    }

    private static string NameAt(byte[] names, int start)
    {
        var end = Array.IndexOf(names, (byte)0, start);
        return System.Text.Encoding.ASCII.GetString(names, start, (end < 0 ? names.Length : end) - start);
    }

    private static byte[]? ReadAt(FileStream file, long offset, int length)
    {
        if (offset < 0 || offset + length > file.Length) return null;
        var bytes = new byte[length];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
