using System;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>Images of one split as a float tensor [N, side * side] in [0, 1], with their labels (0-9).</summary>
public sealed record MnistSplit(Tensor Images, byte[] Labels) : IDisposable
{
    /// <summary>The number of images.</summary>
    public long Count => Images.shape[0];

    /// <summary>Disposes the image tensor.</summary>
    public void Dispose() => Images.Dispose();

    /// <summary>
    /// The split as a dataset of "x" (the images) and "y" (the labels one-hot, [N, 10] floats), as Pixyz's notebooks
    /// name them. The dataset takes the image tensor: dispose the dataset, not this split.
    /// </summary>
    public InMemoryDataset ToDataset()
    {
        using var labels = tensor(Labels.Select(l => (long)l).ToArray(), ScalarType.Int64, Images.device);
        return new InMemoryDataset(("x", Images), ("y", nn.functional.one_hot(labels, 10).to(ScalarType.Float32)));
    }
}

/// <summary>
/// Loads a folder of MNIST-format IDX files: train-images/labels and t10k-images/labels, gzip'd or not (MNIST,
/// Fashion-MNIST, or a subset of either). Every problem is a <see cref="DataFileException"/> naming the file.
/// </summary>
public static class MnistData
{
    /// <summary>The train and test splits of <paramref name="folder"/>, whose images must be <paramref name="side"/> x <paramref name="side"/>.</summary>
    public static (MnistSplit Train, MnistSplit Test) Load(string folder, int side = 28)
    {
        if (!Directory.Exists(folder)) throw new DataFileException(folder, "data folder not found");
        var train = LoadSplit(folder, "train", side);
        var test = LoadSplit(folder, "t10k", side);
        return (train, test);
    }

    /// <summary>The train and test splits of <paramref name="folder"/> as datasets of "x" and "y" (see <see cref="MnistSplit.ToDataset"/>).</summary>
    public static (InMemoryDataset Train, InMemoryDataset Test) LoadDatasets(string folder, int side = 28)
    {
        var (train, test) = Load(folder, side);
        return (train.ToDataset(), test.ToDataset());
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
