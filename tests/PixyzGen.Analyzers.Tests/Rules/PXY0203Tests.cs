using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0203: An unbound variable.</summary>
public class PXY0203Tests
{
    [Test]
    public Task At_the_variable_no_parameter_or_expectation_binds() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(log p(x|{|PXY0203:z|}))\")] public partial Tensor C(Tensor x);"));

    [Test]
    public Task A_variable_bound_by_an_expectation_has_none() => Verify.Analyzer(Sources.Vae());
}
