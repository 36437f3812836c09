using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0202: A signature that differs from the member's declaration.</summary>
public class PXY0202Tests
{
    [Test]
    public Task At_the_mismatched_reference() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)[log {|PXY0202:p(x|y)|}])\")] public partial Tensor B(Tensor x, Tensor y);"));

    [Test]
    public Task Matching_signatures_have_none() => Verify.Analyzer(Sources.Vae());
}
