using System;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae.Data;

/// <summary>Images of one split as a float tensor [N, 784] in [0, 1], with their labels.</summary>
public sealed record MnistSplit(Tensor Images, byte[] Labels) : IDisposable
{
    public long Count => Images.shape[0];

    public void Dispose() => Images.Dispose();
}

/// <summary>
/// Loads a folder of MNIST-format IDX files: train-images/labels and t10k-images/labels, gzip'd or not
/// (the embedded subset, full MNIST or Fashion-MNIST).
/// </summary>
public static class MnistData
{
    public static string EmbeddedFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public static (MnistSplit Train, MnistSplit Test) Load(string folder, int side)
    {
        if (!Directory.Exists(folder)) throw new DataFileException(folder, "data folder not found");
        var train = LoadSplit(folder, "train", side);
        var test = LoadSplit(folder, "t10k", side);
        return (train, test);
    }

    private static MnistSplit LoadSplit(string folder, string prefix, int side)
    {
        var imagesPath = Find(folder, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Find(folder, $"{prefix}-labels-idx1-ubyte");
        var (dimensions, pixels) = IdxFile.Read(imagesPath, 3);
        if (dimensions[1] != side || dimensions[2] != side)
            throw new DataFileException(imagesPath, $"images are {dimensions[1]}x{dimensions[2]}, the model needs {side}x{side}");
        var (labelDimensions, labels) = IdxFile.Read(labelsPath, 1);
        if (labelDimensions[0] != dimensions[0])
            throw new DataFileException(labelsPath, $"{labelDimensions[0]} labels for {dimensions[0]} images in {Path.GetFileName(imagesPath)}");
        if (labels.Any(l => l > 9)) throw new DataFileException(labelsPath, "a label is outside 0-9");

        var images = tensor(pixels, new long[] { dimensions[0], side * side }, ScalarType.Byte).to_type(ScalarType.Float32).div_(255f);
        return new MnistSplit(images, labels);
    }

    /// <summary>The gzip'd file when present, else the plain one; the error names the gzip'd name.</summary>
    private static string Find(string folder, string stem)
    {
        var gz = Path.Combine(folder, stem + ".gz");
        var plain = Path.Combine(folder, stem);
        return File.Exists(gz) || !File.Exists(plain) ? gz : plain;
    }
}
