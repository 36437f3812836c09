using System;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>One split of the embedded MNIST digits: images [N, 784] in [0, 1] and one-hot labels [N, 10].</summary>
public sealed class Digits : IDisposable
{
    private Digits(MnistSplit split)
    {
        Images = split.Images;
        Labels = split.Labels;
        OneHot = nn.functional.one_hot(tensor(Array.ConvertAll(split.Labels, l => (long)l)), 10).to(ScalarType.Float32);
    }

    public Tensor Images { get; }

    public byte[] Labels { get; }

    public Tensor OneHot { get; }

    public long Count => Images.shape[0];

    /// <summary>The 9,000 training and 1,000 test digits copied beside the program (samples/data).</summary>
    public static (Digits Train, Digits Test) Load()
    {
        var (train, test) = MnistData.Load(EmbeddedData.Folder, 28);
        return (new Digits(train), new Digits(test));
    }

    /// <summary>The first <paramref name="count"/> images and labels.</summary>
    public (Tensor Images, Tensor OneHot) First(long count) => (Images.narrow(0, 0, Math.Min(count, Count)), OneHot.narrow(0, 0, Math.Min(count, Count)));

    public void Dispose()
    {
        Images.Dispose();
        OneHot.Dispose();
    }
}
