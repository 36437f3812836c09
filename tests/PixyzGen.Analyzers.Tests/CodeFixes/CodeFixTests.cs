using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;
using PixyzGen.CodeFixes;

namespace PixyzGen.Analyzers.Tests.CodeFixes;

/// <summary>Each code fix turns the flagged source into source that compiles (with the generator) and has no diagnostic.</summary>
public class CodeFixTests
{
    [Test]
    public Task Add_partial_to_a_distribution_class() => Verify.CodeFix<AddPartialCodeFix>(
        Sources.Usings + """
            [Distribution("p(z)")] public sealed class {|PXY0301:Prior|}() : Normal(0, 1, features: [2]);
            """,
        Sources.Usings + """
            [Distribution("p(z)")] public sealed partial class Prior() : Normal(0, 1, features: [2]);
            """);

    [Test]
    public Task Add_partial_to_a_containing_type_without_modifiers() => Verify.CodeFix<AddPartialCodeFix>(
        Sources.Usings + """
            class {|PXY0301:Outer|}
            {
                [Distribution("p(z)")] public sealed partial class Prior() : Normal(0, 1, features: [2]);
            }
            """,
        Sources.Usings + """
            partial class Outer
            {
                [Distribution("p(z)")] public sealed partial class Prior() : Normal(0, 1, features: [2]);
            }
            """);

    [Test]
    public Task Write_a_Forward_stub_with_the_conditioning_variables() => Verify.CodeFix<ForwardStubCodeFix>(
        Sources.Usings + """
            [Distribution("p(x|y,z)")]
            public sealed partial class {|PXY0303:Decoder|} : Bernoulli
            {
            }
            """,
        Sources.Usings + """
            [Distribution("p(x|y,z)")]
            public sealed partial class Decoder : Bernoulli
            {
                private BernoulliParams Forward(Tensor y, Tensor z) => throw new System.NotImplementedException("Compute the Bernoulli parameters from y, z.");
            }
            """);

    [Test]
    public Task Use_the_declared_signature_in_a_loss() => Verify.CodeFix<RenameSignatureCodeFix>(
        Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)[log {|PXY0202:p(x|{|PXY0203:y|})|}])\")] public partial Tensor B(Tensor x);"),
        Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)[log p(x|z)])\")] public partial Tensor B(Tensor x);"));

    [Test]
    public Task Use_the_declared_signature_in_a_factorization() => Verify.CodeFix<RenameSignatureCodeFix>(
        Sources.Vae(factorization: "p(x,z) = {|PXY0202:p(x|y)|} p(z)"),
        Sources.Vae(factorization: "p(x,z) = p(x|z) p(z)"));
}
