using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0304: A <c>[Loss]</c> member that is not partial Tensor M(Tensor ...).</summary>
public class PXY0304Tests
{
    [Test]
    public Task At_a_method_with_a_body() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(KL(q(z|x) || p(z)))\")] public Tensor {|PXY0304:WithBody|}(Tensor x) => x;"));

    [Test]
    public Task At_a_nullable_observed_variable() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(KL(q(z|x) || p(z)))\")] public partial Tensor {|PXY0304:Nullable|}(Tensor? x);"));

    [Test]
    public Task A_partial_Tensor_method_has_none() => Verify.Analyzer(Sources.Vae());
}
