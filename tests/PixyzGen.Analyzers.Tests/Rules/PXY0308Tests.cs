using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0308: a <c>[Model]</c> class that does not derive from GenerativeModel (the generator writes only throwing loss bodies).</summary>
public class PXY0308Tests
{
    [Test]
    public Task At_the_class_name() => Verify.Analyzer(Sources.All + """
[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class {|PXY0308:Vae|}
{
    public Dec P { get; } = new();
    public Pri Pz { get; } = new();
}
""");

    [Test]
    public Task A_GenerativeModel_has_none() => Verify.Analyzer(Sources.Vae());
}
