using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0206: A loss parameter the formula never uses.</summary>
public class PXY0206Tests
{
    [Test]
    public Task Over_the_formula() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"{|PXY0206:mean(KL(q(z|x) || p(z)))|}\")] public partial Tensor E(Tensor x, double beta);"));

    [Test]
    public Task A_used_hyper_parameter_has_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(beta * KL(q(z|x) || p(z)))\")] public partial Tensor E(Tensor x, double beta);"));
}
