using System;
using System.IO;
using System.IO.Compression;
using PixyzGen.Samples.Vae;
using PixyzGen.Samples.Vae.Data;

namespace PixyzGen.IntegrationTests;

/// <summary>Every kind of bad data file is one clear line naming the file, and exit code 2.</summary>
public class DataFileTests
{
    private string folder = "";

    [SetUp]
    public void CopyEmbeddedData()
    {
        folder = Directory.CreateTempSubdirectory("pixyzgen-data-").FullName;
        foreach (var file in Directory.GetFiles(MnistData.EmbeddedFolder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
    }

    [TearDown]
    public void Delete() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    private static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }

    private (int ExitCode, string Error) Run()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (VaeCommand.Run(new[] { "--data", folder, "--epochs", "1", "--output", Path.Combine(folder, "out") }), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Test]
    public void The_embedded_data_loads_as_9000_training_and_1000_test_digits()
    {
        var (train, test) = MnistData.Load(folder, 28);
        using (train)
        using (test)
        {
            Assert.That((train.Count, test.Count), Is.EqualTo((9000L, 1000L)));
            Assert.That(train.Images.max().item<float>(), Is.EqualTo(1f));
            Assert.That(train.Images.min().item<float>(), Is.EqualTo(0f));
        }
    }

    [Test]
    public void A_missing_file_is_named()
    {
        File.Delete(PathOf("t10k-images-idx3-ubyte.gz"));
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo($"error: {PathOf("t10k-images-idx3-ubyte.gz")}: file not found"));
    }

    [Test]
    public void A_file_that_is_not_gzip_is_named()
    {
        File.WriteAllText(PathOf("train-labels-idx1-ubyte.gz"), "this is not gzip");
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith($"error: {PathOf("train-labels-idx1-ubyte.gz")}: corrupt gzip data"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_truncated_file_says_how_much_is_missing()
    {
        var header = new byte[] { 0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3 };
        WriteGzip(PathOf("t10k-images-idx3-ubyte.gz"), header);
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("t10k-images-idx3-ubyte.gz: truncated: expected 7840 data bytes (10 x 28 x 28), found only 3 bytes of it"));
    }

    [Test]
    public void A_wrong_magic_number_is_named()
    {
        WriteGzip(PathOf("train-images-idx3-ubyte.gz"), new byte[] { 0, 0, 0x0D, 3, 0, 0, 0, 1 });
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("train-images-idx3-ubyte.gz: not an unsigned-byte IDX file (magic number 00000D03)"));
    }

    [Test]
    public void Labels_that_do_not_match_the_images_are_named()
    {
        var labels = new byte[8 + 5];
        labels[2] = 8; labels[3] = 1; labels[7] = 5;
        WriteGzip(PathOf("t10k-labels-idx1-ubyte.gz"), labels);
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("t10k-labels-idx1-ubyte.gz: 5 labels for 1000 images"));
    }

    [Test]
    public void A_missing_folder_is_named()
    {
        Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        Directory.Delete(folder);
        var (code, error) = Run();
        Directory.CreateDirectory(folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo($"error: {folder}: data folder not found"));
    }
}
