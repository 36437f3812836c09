using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0302: A <c>[Distribution]</c> class that derives from no family.</summary>
public class PXY0302Tests
{
    [Test]
    public Task At_the_class_name() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(b)")] public sealed partial class {|PXY0302:NoFamily|} { }
""");

    [Test]
    public Task A_family_subclass_has_none() => Verify.Analyzer(Sources.Usings + Sources.Decoder);
}
