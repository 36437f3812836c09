using System;
using System.IO;
using System.Linq;
using PixyzGen.IntegrationTests.Infrastructure;
using PixyzGen.Samples.Gallery;
using PixyzGen.Samples.Gallery.Examples;

namespace PixyzGen.IntegrationTests;

/// <summary>Every gallery example runs a few steps: a finite metric, the loss (or likelihood) going the right way, its PNGs written.</summary>
[NonParallelizable]
public class GalleryTests
{
    private static (ExampleResult Result, string Folder) Run(string name, int steps)
    {
        var example = GalleryCommand.Examples.Single(e => e.Name == name);
        var folder = Directory.CreateTempSubdirectory($"pixyzgen-gallery-{name}-").FullName;
        return (example.Run(new ExampleOptions(steps, 1, folder)), folder);
    }

    [Test]
    public void Every_example_is_a_command_named_after_its_notebook()
    {
        Assert.That(GalleryCommand.Examples.Select(e => e.Name), Is.Unique);
        foreach (var example in GalleryCommand.Examples)
            Assert.That(File.Exists(Path.Combine(Repository.Root, "samples", "README.md")) && File.ReadAllText(Path.Combine(Repository.Root, "samples", "README.md")).Contains($"`{example.Name}`"), Is.True,
                $"samples/README.md lists {example.Name}");
    }

    [Test]
    public void Gmm_raises_the_likelihood_at_every_EM_step_and_draws_its_pictures()
    {
        var (result, folder) = Run("gmm", steps: 5);
        try
        {
            Assert.That(result.PerStep, Has.Count.EqualTo(5));
            for (var i = 1; i < result.PerStep.Count; i++) Assert.That(result.PerStep[i], Is.GreaterThanOrEqualTo(result.PerStep[i - 1] - 1e-5), $"EM step {i + 1}");
            Assert.That(double.IsFinite(result.Value), Is.True);
            AssertPictures(result, folder, "density_before.png", "density_after.png", "log_likelihood.png", "samples.png");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_flow_toy_lowers_the_negative_ELBO_and_draws_its_pictures()
    {
        var (result, folder) = Run("normalizing-flow-toy", steps: 60);
        try
        {
            var first = result.PerStep.Take(10).Average();
            var last = result.PerStep.Skip(50).Average();
            Assert.That(last, Is.LessThan(first), $"{first:F2} -> {last:F2}");
            AssertPictures(result, folder, "target.png", "flow_samples.png", "loss.png");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertPictures(ExampleResult result, string folder, params string[] names)
    {
        Assert.That(result.Pictures.Select(Path.GetFileName), Is.EquivalentTo(names));
        foreach (var name in names)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, name));
            Assert.That(bytes.Take(4).ToArray(), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), name);
        }
    }
}
