using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0201: A loss names an unknown distribution.</summary>
public class PXY0201Tests
{
    [Test]
    public Task At_the_unknown_reference() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(log {|PXY0201:r(x|z)|})\")] public partial Tensor A(Tensor x, Tensor z);"));

    [Test]
    public Task At_an_unknown_factor() => Verify.Analyzer(Sources.Vae(factorization: "p(x,z) = p(x|z) {|PXY0201:r(z)|}"));

    [Test]
    public Task At_a_bound_whose_joint_no_members_make() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(IWAE_5({|PXY0201:r(x,z)|} || q(z|x)))\")] public partial Tensor Bound(Tensor x);"));

    [Test]
    public Task A_bound_over_the_model_joint_has_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(IWAE_5(p(x,z) || q(z|x)))\")] public partial Tensor Bound(Tensor x);"));

    [Test]
    public Task A_joint_in_a_term_is_its_members_and_has_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(-E_q(z|x)[log p(x,z) - log q(z|x)])\")] public partial Tensor Elbo(Tensor x);"));

    [Test]
    public Task At_a_joint_in_a_term_with_a_variable_no_member_generates() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)[log {|PXY0201:p(x,w|z)|}])\")] public partial Tensor A(Tensor x, Tensor w);"));

    [Test]
    public Task Known_references_have_none() => Verify.Analyzer(Sources.Vae());
}
