using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0102: Recursive factorization, with the cycle in the message.</summary>
public class PXY0102Tests
{
    [Test]
    public Task The_seed_failure_mode_p_x_given_z_times_p_z_given_x() => Verify.Analyzer(Sources.All + """
[Model("p(x,z) = {|PXY0102:p(x|z) p(z|x)|}")]
public sealed partial class Loop : GenerativeModel
{
    public Dec P { get; } = new(); public Back B { get; } = new();
}
""");

    [Test]
    public Task An_acyclic_factorization_has_none() => Verify.Analyzer(Sources.Vae());
}
