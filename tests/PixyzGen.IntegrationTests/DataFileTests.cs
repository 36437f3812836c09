using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using PixyzGen.Samples.Vae;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// Every kind of bad data file is one clear line naming the file, and exit code 2; a bad output folder is exit code 3,
/// a diverging run exit code 4 with nothing written, an unparsable option exit code 1, never a crash.
/// </summary>
public class DataFileTests
{
    private string folder = "";

    [SetUp]
    public void CopyEmbeddedData()
    {
        folder = Directory.CreateTempSubdirectory("pixyzgen-data-").FullName;
        foreach (var file in Directory.GetFiles(EmbeddedData.Folder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
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

    private (int ExitCode, string Error) Run(params string[] extra)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            // Defaults, each replaced by an option of the same name in extra.
            var options = new System.Collections.Generic.Dictionary<string, string> { ["--data"] = folder, ["--epochs"] = "1", ["--output"] = Path.Combine(folder, "out") };
            for (var i = 0; i + 1 < extra.Length; i += 2) options[extra[i]] = extra[i + 1];
            return (VaeCommand.Run(options.SelectMany(o => new[] { o.Key, o.Value }).ToArray()), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static byte[] Idx(int count, params int[] dimensions)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = 8;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
        {
            var d = i == 0 ? count : dimensions[i];
            header[4 + 4 * i] = (byte)(d >> 24); header[5 + 4 * i] = (byte)(d >> 16); header[6 + 4 * i] = (byte)(d >> 8); header[7 + 4 * i] = (byte)d;
        }
        return header;
    }

    [Test]
    public void A_FIFO_in_place_of_a_file_is_named_instead_of_hanging()
    {
        File.Delete(PathOf("train-images-idx3-ubyte.gz"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", PathOf("train-images-idx3-ubyte.gz"))) mkfifo.WaitForExit();
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.Trim(), Is.EqualTo($"error: {PathOf("train-images-idx3-ubyte.gz")}: not a regular file (a FIFO, socket or device); give a file"));
    }

    [Test]
    public void A_header_declaring_more_than_the_file_holds_fails_before_allocating()
    {
        File.Delete(PathOf("t10k-images-idx3-ubyte.gz"));
        File.WriteAllBytes(PathOf("t10k-images-idx3-ubyte"), Idx(2_700_000, 2_700_000, 28, 28).Concat(new byte[100]).ToArray());
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("t10k-images-idx3-ubyte: truncated: the header declares 2116800000 data bytes (2700000 x 28 x 28) but the file holds 100"));
    }

    [Test]
    public void TensorBoard_gets_the_losses_the_model_and_the_pictures()
    {
        var events = Path.Combine(folder, "runs");
        var (code, error) = Run("--tensorboard", events);
        Assert.That(code, Is.EqualTo(0), error);
        var file = Directory.GetFiles(events, "events.out.tfevents.*").Single();
        var written = TensorBoardEvents(file).ToList();
        var tags = written.SelectMany(e => e.Summary?.Value.Select(v => v.Tag) ?? Enumerable.Empty<string>()).ToList();
        Assert.That(tags, Does.Contain("loss/train_step").And.Contain("loss/train_epoch").And.Contain("loss/test").And.Contain("learning_rate")
            .And.Contain("model/text_summary").And.Contain("loss_latex/text_summary").And.Contain("reconstructions").And.Contain("samples").And.Contain("loss"));
        var steps = written.Where(e => e.Summary?.Value.Any(v => v.Tag == "loss/train_step") == true).ToList();
        Assert.That(steps.Select(e => e.Step), Is.EqualTo(Enumerable.Range(1, steps.Count).Select(i => (long)i)), "one loss per step, numbered from 1");
        Assert.That(steps.All(e => float.IsFinite(e.Summary.Value[0].SimpleValue)), Is.True);
        var image = written.SelectMany(e => e.Summary?.Value ?? Enumerable.Empty<Tensorboard.Summary.Types.Value>()).First(v => v.Tag == "samples").Image;
        Assert.That(image.EncodedImageString.Take(4).ToArray(), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "the sample PNG itself");
    }

    [Test]
    public void A_tensorboard_path_that_is_a_file_is_named_before_training()
    {
        var file = Path.Combine(folder, "runs");
        File.WriteAllText(file, "");
        var (code, error) = Run("--tensorboard", file);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error, Does.Contain(file).And.Contain("choose another --tensorboard"));
    }

    /// <summary>The events of a TFRecord file: each record is a length, its CRC, the Event's bytes and their CRC.</summary>
    private static System.Collections.Generic.IEnumerable<Tensorboard.Event> TensorBoardEvents(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        while (stream.Position < stream.Length)
        {
            var length = reader.ReadUInt64();
            reader.ReadUInt32();
            var data = reader.ReadBytes((int)length);
            reader.ReadUInt32();
            yield return Tensorboard.Event.Parser.ParseFrom(data);
        }
    }

    [Test]
    public void A_test_split_of_fewer_than_16_images_trains_and_draws_what_it_has()
    {
        foreach (var name in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" }) File.Delete(PathOf(name));
        WriteGzip(PathOf("t10k-images-idx3-ubyte.gz"), Idx(5, 5, 28, 28).Concat(new byte[5 * 784]).ToArray());
        WriteGzip(PathOf("t10k-labels-idx1-ubyte.gz"), Idx(5, 5).Select((b, i) => i == 3 ? (byte)1 : b).Concat(new byte[5]).ToArray());
        var (code, error) = Run();
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(File.Exists(Path.Combine(folder, "out", "reconstructions.png")), Is.True);
        // vae.pt is the state dict as torch.load reads it: the sample's model loads it back by its keys.
        var state = TorchSharp.PyBridge.PyTorchUnpickler.UnpickleStateDict(Path.Combine(folder, "out", "vae.pt"));
        Assert.That(state.Keys.Cast<string>(), Has.Some.StartsWith("Q.").And.Some.StartsWith("P."));
        using var model = new PixyzGen.Samples.Vae.Model.VaeModel();
        PyTorchCheckpoint.Load(model, Path.Combine(folder, "out", "vae.pt"));
    }

    [Test]
    public void An_output_path_that_is_a_file_is_named_before_training()
    {
        var file = PathOf("not-a-folder");
        File.WriteAllText(file, "");
        var (code, error) = Run("--output", file);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(error.Trim(), Is.EqualTo($"error: {file}: is a file, not a folder (choose another --output)"));
    }

    [Test]
    public void An_output_folder_that_cannot_be_written_is_named_before_training()
    {
        // Root may write anywhere on disk, but not into /proc: an existing folder that takes no files, for any user.
        Assume.That(Directory.Exists("/proc/self"), "needs Linux's /proc");
        var (code, error) = Run("--output", "/proc");
        Assert.That(code, Is.EqualTo(3), error);
        Assert.That(error.Trim(), Does.StartWith("error: /proc: cannot be written (").And.EndWith(")"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
    }

    [Test]
    public void A_diverging_run_stops_at_its_step_and_writes_nothing()
    {
        var (code, error) = Run("--learning-rate", "1e6");
        Assert.That(code, Is.EqualTo(4));
        Assert.That(error.Trim(), Does.Match(@"^error: training diverged at step \d+: the loss is not finite; lower --learning-rate \(no pictures or parameters were written\)$"));
        Assert.That(Directory.GetFiles(Path.Combine(folder, "out")), Is.Empty);
    }

    [Test]
    public void A_device_that_is_not_there_is_one_line_and_exit_code_1()
    {
        Assume.That(TorchSharp.torch.cuda.is_available(), Is.False, "this machine has a GPU");
        var (code, error) = Run("--device", "cuda");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.Trim(), Does.StartWith("error: --device cuda: no CUDA device is available"));
        var (unknown, _) = Run("--device", "tpu");
        Assert.That(unknown, Is.EqualTo(1), "only cpu, cuda and auto");
    }

    [TestCase("--epochs", "many")]
    [TestCase("--learning-rate", "fast")]
    [TestCase("--learning-rate", "Infinity")]
    [TestCase("--batch-size", "0")]
    public void An_option_that_does_not_parse_is_exit_code_1_not_a_crash(string option, string value)
    {
        var (code, _) = Run(option, value);
        Assert.That(code, Is.EqualTo(1));
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
