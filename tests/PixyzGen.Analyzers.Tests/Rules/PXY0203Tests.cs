using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0203: An unbound variable.</summary>
public class PXY0203Tests
{
    [Test]
    public Task At_the_variable_no_parameter_or_expectation_binds() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(log p(x|{|PXY0203:z|}))\")] public partial Tensor C(Tensor x);"));

    [Test]
    public Task At_a_carried_state_no_step_draws() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"iterate(x | {|PXY0203:w|} = z)[log p(x|z)]\")] public partial Tensor Steps(Tensor x, Tensor z);"));

    [Test]
    public Task A_carried_state_the_step_draws_has_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"iterate(x | z = z)[E_q(z|x)[log p(x|z)]]\")] public partial Tensor Steps(Tensor x, Tensor z);"));

    [Test]
    public Task A_variable_bound_by_an_expectation_has_none() => Verify.Analyzer(Sources.Vae());
}
