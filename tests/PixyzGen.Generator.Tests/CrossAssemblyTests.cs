using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

/// <summary>
/// A model in one project whose distributions are declared (and generated) in a referenced one: a library of
/// networks, or the gallery reusing the main job's VAE. The model reads them from metadata.
/// </summary>
public class CrossAssemblyTests
{
    private const string Library = """
        using PixyzGen;
        using static TorchSharp.torch;
        namespace Networks;
        [Distribution("q(z|x)")]
        public sealed partial class Encoder : Normal
        {
            private readonly TorchSharp.Modules.Linear net = nn.Linear(4, 4);
            public Encoder() => RegisterComponents();
            private NormalParams Forward(Tensor x) { var h = net.call(x).chunk(2, -1); return new(h[0], nn.functional.softplus(h[1])); }
        }
        [Distribution("p(x|z)")]
        public sealed partial class Decoder : Bernoulli
        {
            private readonly TorchSharp.Modules.Linear net = nn.Linear(2, 4);
            public Decoder() => RegisterComponents();
            private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
        }
        [Distribution("p(z)")]
        public sealed partial class Prior() : Normal(0, 1, features: [2]);
        """;

    private const string User = """
        using Networks;
        using PixyzGen;
        using static TorchSharp.torch;
        namespace App;
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Encoder Q { get; } = new();
            public Decoder P { get; } = new();
            public Prior Pz { get; } = new();
            [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
            public partial Tensor Loss(Tensor x);
        }
        """;

    private static MetadataReference BuiltLibrary()
    {
        var library = GeneratorHarness.Compile("Networks", Enumerable.Empty<MetadataReference>(), Library);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(library, out var generated, out _);
        Assert.That(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return generated.ToMetadataReference();
    }

    [Test]
    public void A_model_binds_distributions_declared_in_a_referenced_assembly()
    {
        foreach (var reference in new[] { BuiltLibrary(), ImageOf(BuiltLibrary()) })
        {
            var user = GeneratorHarness.Compile("App", new[] { reference }, User);
            GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(user, out var output, out var diagnostics);
            Assert.That(diagnostics, Is.Empty);
            Assert.That(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591"), Is.Empty);
            var model = output.SyntaxTrees.Single(t => t.FilePath.Contains("Vae")).ToString();
            Assert.That(model, Does.Not.Contain("InvalidOperationException"), model);
            Assert.That(model, Does.Contain("KL(q(z|x) || p(z))").Or.Contain("Kl"), "the loss is planned, not a throwing placeholder");
        }
    }

    // The same library as the compiler sees a built project: an assembly image rather than a compilation.
    private static MetadataReference ImageOf(MetadataReference reference)
    {
        using var image = new System.IO.MemoryStream();
        var emitted = ((CompilationReference)reference).Compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, () => string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
