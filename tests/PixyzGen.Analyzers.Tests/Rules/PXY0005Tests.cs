using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0005: Syntax error in a loss.</summary>
public class PXY0005Tests
{
    [Test]
    public Task At_the_offending_token() => Verify.Analyzer(Sources.Vae(loss: "mean(log p(x|z){|PXY0005:]|}"));

    [Test]
    public Task At_each_of_several_mistakes() => Verify.Analyzer(Sources.Vae(loss: "mean(KL(q(z|x) {|PXY0005:||} p(z))) - mean(E_q(z|x)[log p(x|{|PXY0005:)|}])"));

    [Test]
    public Task A_well_formed_loss_has_none() => Verify.Analyzer(Sources.Vae());
}
