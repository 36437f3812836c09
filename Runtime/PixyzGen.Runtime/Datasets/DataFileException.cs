using System;

namespace PixyzGen.Datasets;

/// <summary>A data file that is missing or not what it should be; the message names the file and the problem.</summary>
public sealed class DataFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file (or folder) at fault.</summary>
    public string Path { get; } = path;
}
