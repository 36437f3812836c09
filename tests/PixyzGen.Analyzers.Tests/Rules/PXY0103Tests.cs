using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0103: A declared joint that differs from its factors.</summary>
public class PXY0103Tests
{
    [Test]
    public Task At_the_joint() => Verify.Analyzer(Sources.All + """
[Model("{|PXY0103:p(x,z)|} = p(x|z)")]
public sealed partial class Short : GenerativeModel
{
    public Dec P { get; } = new();
}
""");

    [Test]
    public Task A_marginal_joint_is_allowed() => Verify.Analyzer(Sources.All + """
[Model("p(x) = p(x|z) p(z)")]
public sealed partial class Marginal : GenerativeModel
{
    public Dec P { get; } = new(); public Pri Pz { get; } = new();
}
""");
}
