using System;
using System.IO;
using System.Linq;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>The samples' command lines as a user meets them in a terminal or a log: one `error:` line for a bad argument, no wrapped lines.</summary>
[NonParallelizable]
public class CommandLineTests
{
    private static string Sample(string project, string assembly) => Repository.Path("samples", project, "bin", "Release", "net10.0", assembly + ".dll");

    private static DotNet.Result Run(string dll, string arguments) =>
        DotNet.Process("dotnet", $"\"{dll}\" {arguments}", Path.GetDirectoryName(dll)!, TimeSpan.FromMinutes(3));

    [TestCase("Vae", "PixyzGen.Samples.Vae", "--epochs x", "error: Cannot parse argument 'x' for option '--epochs' as expected type 'System.Int32'. (--help lists the options)")]
    [TestCase("Vae", "PixyzGen.Samples.Vae", "--epochs 0", "error: --epochs must be at least 1. (--help lists the options)")]
    [TestCase("Vae", "PixyzGen.Samples.Vae", "--device tpu", "error: Argument 'tpu' not recognized. Must be one of 'cpu', 'cuda', 'auto' (--help lists the options)")]
    [TestCase("Gallery", "PixyzGen.Samples.Gallery", "vae --epochs 0", "error: --epochs must be at least 1. (--help lists the options)")]
    [TestCase("Gallery", "PixyzGen.Samples.Gallery", "no-such-example", "error: Unrecognized command or argument 'no-such-example'. (--help lists the options)")]
    public void A_bad_argument_is_one_error_line_and_exit_code_1(string project, string assembly, string arguments, string expected)
    {
        var result = Run(Sample(project, assembly), arguments);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.Output);
        Assert.That(lines[0], Is.EqualTo(expected), "the message, without the help text");
    }

    [Test]
    public void A_loss_formula_the_DSL_refuses_is_its_diagnostic_with_a_caret_and_exit_code_1()
    {
        var result = Run(Sample("Vae", "PixyzGen.Samples.Vae"), "--loss \"mean(KL(q(z|y) || p(z)))\" --device cpu --output out/refused");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.Output, Does.Contain("error: --loss: PXY0202: ").And.Contain("  mean(KL(q(z|y) || p(z)))\n          ^^^^^^"));
    }

    [Test]
    public void A_loss_formula_given_at_run_time_is_trained_on()
    {
        var folder = Directory.CreateTempSubdirectory("pixyzgen-loss-").FullName;
        try
        {
            var result = Run(Sample("Vae", "PixyzGen.Samples.Vae"), $"--loss \"mean(4 * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])\" --epochs 1 --batch-size 1000 --output \"{folder}\" --device cpu");
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.Output, Does.Contain("training on mean(4 * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])"));
            Assert.That(result.Output, Does.Contain("test negative ELBO"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Help_is_shown_when_asked_for()
    {
        var result = Run(Sample("Vae", "PixyzGen.Samples.Vae"), "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--epochs").And.Contain("Usage:"));
    }

    /// <summary>A line longer than 80 columns (its data folder's path is long) stays whole when the output is redirected.</summary>
    [Test]
    public void Redirected_output_is_not_wrapped()
    {
        var folder = Directory.CreateTempSubdirectory("pixyzgen-cli-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(folder, new string('d', 60), "digits-with-a-long-folder-name")).FullName;
            foreach (var file in Directory.GetFiles(Repository.Path("samples", "data"), "*-ubyte*")) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
            var result = Run(Sample("Vae", "PixyzGen.Samples.Vae"), $"--epochs 1 --batch-size 1000 --data \"{data}\" --output \"{Path.Combine(folder, "out")}\" --device cpu");
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            var line = result.Output.Split('\n').Single(l => l.Contains("test images from", StringComparison.Ordinal));
            Assert.That(line, Does.Contain(data), "the path is on the line, unbroken");
            Assert.That(line.Length, Is.GreaterThan(80));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
