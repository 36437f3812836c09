using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0204: KL operands over different variables.</summary>
public class PXY0204Tests
{
    [Test]
    public Task At_the_KL_term() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean({|PXY0204:KL(q(z|x) || p(x|z))|})\")] public partial Tensor D(Tensor x, Tensor z);"));

    [Test]
    public Task At_an_MMD_between_different_variables() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"{|PXY0204:MMD(q(z|x) || p(x|z))|}\")] public partial Tensor M(Tensor x, Tensor z);"));

    [Test]
    public Task An_MMD_over_one_variable_has_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(log p(x|z)) + MMD(q(z|x) || p(z))\")] public partial Tensor M(Tensor x, Tensor z);"));

    [Test]
    public Task Operands_over_one_variable_have_none() => Verify.Analyzer(Sources.Vae());
}
