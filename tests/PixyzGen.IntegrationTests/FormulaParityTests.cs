using System;
using System.Linq;
using PixyzGen.Tests.Shared;

namespace PixyzGen.IntegrationTests;

/// <summary>Every [Loss] of the gallery and the VAE sample, read at run time, equals its generated body on the same seed and batch.</summary>
public class FormulaParityTests
{
    private static readonly string[] NotYetAtRunTime = Array.Empty<string>();

    [TestCase(typeof(PixyzGen.Samples.Gallery.GalleryCommand))]
    [TestCase(typeof(PixyzGen.Samples.Vae.Model.VaeModel))]
    public void Every_loss_formula_of_the_samples_parses_to_its_generated_value(Type inAssembly)
    {
        // The digits the examples train on, where no member draws them: binary images "x" and one-hot labels "y".
        var outcomes = FormulaParity.Check(inAssembly.Assembly, observed: (name, batch) => name switch
        {
            "x" => TorchSharp.torch.bernoulli(TorchSharp.torch.full(batch, 784, 0.3f)),
            "y" => TorchSharp.torch.nn.functional.one_hot(TorchSharp.torch.arange(batch) % 10, 10).to(TorchSharp.torch.ScalarType.Float32),
            _ => null,
        });
        TestContext.Out.WriteLine(string.Join("\n", outcomes));
        Assert.That(outcomes.Where(o => o.Result.StartsWith("differs", StringComparison.Ordinal)), Is.Empty);
        Assert.That(outcomes.Where(o => o.Result.StartsWith("refused", StringComparison.Ordinal) && !NotYetAtRunTime.Any(o.Formula.Contains)), Is.Empty);
        // GmmModel is built from its mixture (no constructor without arguments); DMM's sequences start from a z_prev no member draws.
        Assert.That(outcomes.Where(o => o.Result.StartsWith("no inputs", StringComparison.Ordinal)).Select(o => o.Method.Split('.')[0]).Distinct(),
            Is.EquivalentTo(inAssembly == typeof(PixyzGen.Samples.Gallery.GalleryCommand) ? new[] { "GmmModel", "DmmModel" } : Array.Empty<string>()));
        Assert.That(outcomes.Count(o => o.Result == "equal"), Is.GreaterThan(0));
    }
}
