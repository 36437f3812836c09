using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0214: a scalar parameter used as a distribution's variable, at each use.</summary>
public class PXY0214Tests
{
    [Test]
    public Task At_each_use_of_the_scalar_as_a_variable() =>
        Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(-log p({|PXY0214:x|}|z))\")] public partial Tensor Scored(double x, Tensor z);"));

    [Test]
    public Task A_scalar_that_scales_a_term_has_none() =>
        Verify.Analyzer(Sources.Vae(body: "    [Loss(\"beta * mean(KL(q(z|x) || p(z)))\")] public partial Tensor Scaled(Tensor x, double beta);"));
}
