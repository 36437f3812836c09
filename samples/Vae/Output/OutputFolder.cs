using System;
using System.IO;

namespace PixyzGen.Samples.Vae.Output;

/// <summary>Makes sure the output folder exists and takes files, before any training time is spent.</summary>
public static class OutputFolder
{
    public static void Prepare(string folder, string option = "--output")
    {
        if (File.Exists(folder)) throw new OutputFolderException(folder, $"is a file, not a folder (choose another {option})");
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, Array.Empty<byte>());
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(folder, $"cannot be written ({e.Message})");
        }
    }
}
