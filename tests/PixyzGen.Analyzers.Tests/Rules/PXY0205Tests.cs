using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0205: No closed-form KL for the family pair: Monte Carlo is generated.</summary>
public class PXY0205Tests
{
    [Test]
    public Task At_a_KL_between_a_Bernoulli_and_a_Normal() => Verify.Analyzer(Sources.All + """
[Distribution("r(x)")] public sealed partial class NormalX() : Normal(0, 1, features: [2]);
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class Mixed : GenerativeModel
{
    public Dec P { get; } = new(); public Pri Pz { get; } = new(); public NormalX R { get; } = new();
    [Loss("mean({|PXY0205:KL(p(x|z) || r(x))|})")] public partial Tensor Gap(Tensor z);
}
""");

    [Test]
    public Task Normal_and_Bernoulli_pairs_have_closed_forms() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(KL(p(x|z) || p(x|z)))\")] public partial Tensor Zero(Tensor z);"));
}
