using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0104: Two members with the same signature.</summary>
public class PXY0104Tests
{
    [Test]
    public Task At_the_second_member() => Verify.Analyzer(Sources.All + """
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class Twice : GenerativeModel
{
    public Dec P { get; } = new(); public Pri A { get; } = new(); public Pri {|PXY0104:B|} { get; } = new();
}
""");

    [Test]
    public Task Distinct_signatures_have_none() => Verify.Analyzer(Sources.Vae());
}
