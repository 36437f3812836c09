using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using PixyzGen.Datasets;

namespace PixyzGen.Runtime.Tests.Datasets;

/// <summary>The public MNIST-format loader: gzip'd or plain IDX files, values in [0, 1], every problem naming its file.</summary>
public class MnistDataTests : TemporaryFolderTest
{
    private void Write(string name, byte[] bytes, bool gzip)
    {
        var path = Path.Combine(Folder, name + (gzip ? ".gz" : ""));
        if (!gzip) { File.WriteAllBytes(path, bytes); return; }
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }

    private void WriteSplit(string prefix, int count, bool gzip, int side = 2)
    {
        var pixels = Enumerable.Range(0, count * side * side).Select(i => (byte)(i * 17 % 256)).ToArray();
        Write($"{prefix}-images-idx3-ubyte", Idx(new[] { count, side, side }, pixels), gzip);
        Write($"{prefix}-labels-idx1-ubyte", Idx(new[] { count }, Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray()), gzip);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_folder_of_IDX_files_loads_as_images_in_0_1_and_labels(bool gzip)
    {
        WriteSplit("train", 3, gzip);
        WriteSplit("t10k", 2, gzip);
        var (train, test) = MnistData.Load(Folder, side: 2);
        using (train)
        using (test)
        {
            Assert.That(train.Images.shape, Is.EqualTo(new long[] { 3, 4 }));
            Assert.That(test.Count, Is.EqualTo(2));
            Assert.That(train.Images[0, 1].item<float>(), Is.EqualTo(17f / 255f).Within(1e-7));
            Assert.That(train.Labels, Is.EqualTo(new byte[] { 0, 1, 2 }));
        }
    }

    [Test]
    public void A_truncated_file_is_named_with_what_it_lacks()
    {
        WriteSplit("train", 3, gzip: false);
        WriteSplit("t10k", 2, gzip: false);
        var images = Path.Combine(Folder, "t10k-images-idx3-ubyte");
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..^3]);
        var error = Assert.Throws<DataFileException>(() => MnistData.Load(Folder, side: 2))!;
        Assert.That(error.Path, Is.EqualTo(images));
        Assert.That(error.Message, Does.StartWith(images + ": truncated"));
    }

    [Test]
    public void Images_of_another_size_and_a_missing_folder_are_named()
    {
        WriteSplit("train", 3, gzip: true, side: 3);
        WriteSplit("t10k", 2, gzip: true, side: 3);
        Assert.That(Assert.Throws<DataFileException>(() => MnistData.Load(Folder, side: 2))!.Message, Does.Contain("images are 3x3, the model needs 2x2"));
        var missing = Path.Combine(Folder, "nothing");
        Assert.That(Assert.Throws<DataFileException>(() => MnistData.Load(missing))!.Path, Is.EqualTo(missing));
    }
}
