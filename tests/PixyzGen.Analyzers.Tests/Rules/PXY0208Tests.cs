using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0208: the discriminator of an adversarial term must be deterministic.</summary>
public class PXY0208Tests
{
    [Test]
    public Task At_a_discriminator_with_a_density() => Verify.Analyzer(Sources.Gan(
        """[Distribution("d(t|x)")] public sealed partial class Critic : Bernoulli { private BernoulliParams Forward(Tensor x) => BernoulliParams.FromLogits(x.sum(-1, keepdim: true)); }""" + "\n",
        "ADV_JS[{|PXY0208:d(t|x)|}](p(x|z) || p(z))"));

    [Test]
    public Task A_deterministic_discriminator_has_none() => Verify.Analyzer(Sources.Gan(
        """[Distribution("d(t|x)")] public sealed partial class Critic : Deterministic { private Tensor Forward(Tensor x) => x.sum(-1, keepdim: true).sigmoid(); }""" + "\n",
        "ADV_JS[d(t|x)](p(x|z) || p(z))"));
}
