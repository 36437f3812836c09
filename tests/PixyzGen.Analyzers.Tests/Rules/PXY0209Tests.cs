using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0209: the discriminator of an adversarial term must read what the generator makes.</summary>
public class PXY0209Tests
{
    [Test]
    public Task At_the_term_whose_discriminator_reads_another_variable() => Verify.Analyzer(Sources.Gan(
        """[Distribution("d(t|y)")] public sealed partial class Critic : Deterministic { private Tensor Forward(Tensor y) => y.sum(-1, keepdim: true).sigmoid(); }""" + "\n",
        "{|PXY0209:ADV_JS[d(t|y)](p(x|z) || p(z))|} + 0 * y", "Tensor x, Tensor y"));

    [Test]
    public Task A_discriminator_of_the_generated_variable_has_none() => Verify.Analyzer(Sources.Gan(
        """[Distribution("d(t|x)")] public sealed partial class Critic : Deterministic { private Tensor Forward(Tensor x) => x.sum(-1, keepdim: true).sigmoid(); }""" + "\n",
        "ADV_JS[d(t|x)](p(x|z) || p(z)) + 0 * y", "Tensor x, Tensor y"));
}
