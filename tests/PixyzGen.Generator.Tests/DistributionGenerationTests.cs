using PixyzGen.Generator.Tests.Infrastructure;

namespace PixyzGen.Generator.Tests;

public class DistributionGenerationTests
{
    [Test]
    public void Vae_distributions()
    {
        var generated = GeneratorHarness.Run(Sources.VaeDistributions);
        Assert.That(generated.Keys, Is.EquivalentTo(new[] { "Demo.Encoder.Distribution.g.cs", "Demo.Decoder.Distribution.g.cs", "Demo.Prior.Distribution.g.cs" }));
        foreach (var (hint, source) in generated) Snapshot.Verify(source, nameof(DistributionGenerationTests), nameof(Vae_distributions), hint);
    }

    [Test]
    public void Nested_type_in_the_global_namespace_with_two_conditions()
    {
        const string source = """
            using PixyzGen;
            using static TorchSharp.torch;

            public static partial class Outer
            {
                [Distribution("p(x|mu,sigma)")]
                public sealed partial class PassThrough() : Normal()
                {
                    private NormalParams Forward(Tensor mu, Tensor sigma) => new(mu, sigma);
                }
            }
            """;
        var generated = GeneratorHarness.Run(source);
        Snapshot.Verify(generated["Outer.PassThrough.Distribution.g.cs"], nameof(DistributionGenerationTests), nameof(Nested_type_in_the_global_namespace_with_two_conditions), "Outer.PassThrough.Distribution.g.cs");
    }

    [Test]
    public void Forward_parameters_that_differ_from_the_signature_generate_a_Params_that_throws_PXY0303()
    {
        const string source = """
            using PixyzGen;
            using static TorchSharp.torch;

            namespace Demo;

            [Distribution("q(z|x)")]
            public sealed partial class Encoder() : Normal()
            {
                private NormalParams Forward(Tensor y) => new(y, y);
            }
            """;
        var generated = GeneratorHarness.Run(source);
        Assert.That(generated["Demo.Encoder.Distribution.g.cs"], Does.Contain("throw new global::System.InvalidOperationException(\"PXY0303: Forward of 'Encoder' takes (y) but q(z|x) conditions on (x)\")"));
    }

    [TestCase("""[Distribution("q(z|")] public sealed partial class D() : Normal();""")]
    [TestCase("""[Distribution("q(z|z)")] public sealed partial class D() : Normal();""")]
    [TestCase("""[Distribution("q(z)")] public sealed class D() : Normal();""")]
    [TestCase("""[Distribution("q(z)")] public sealed partial class D : Tensorish { }  public class Tensorish { }""")]
    public void Invalid_declarations_generate_nothing_and_never_throw(string declaration)
    {
        var compilation = GeneratorHarness.Compile("using PixyzGen;\n" + declaration);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var result = driver.GetRunResult().Results[0];
        Assert.That(result.Exception, Is.Null);
        Assert.That(result.GeneratedSources, Is.Empty);
    }
}
