using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0301: An annotated type that is not partial.</summary>
public class PXY0301Tests
{
    [Test]
    public Task At_the_class_name() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(a)")] public sealed class {|PXY0301:NotPartial|}() : Normal();
""");

    [Test]
    public Task At_a_containing_type_that_is_not_partial() => Verify.Analyzer(Sources.Usings + """
public static class {|PXY0301:Outer|}
{
    [Distribution("q(a)")] public sealed partial class Inner() : Normal();
}
""");

    [Test]
    public Task A_partial_class_has_none() => Verify.Analyzer(Sources.Usings + Sources.Prior);
}
