using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0002: A variable on both sides of the bar.</summary>
public class PXY0002Tests
{
    [Test]
    public Task At_the_repeated_variable() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|{|PXY0002:z|})")] public sealed partial class Both() : Normal();
""");

    [Test]
    public Task At_the_exact_span_of_a_verbatim_literal() => Verify.Analyzer(Sources.Usings + """
[Distribution(@"q(z|{|PXY0002:z|})")] public sealed partial class Verbatim() : Normal();
""");

    [Test]
    public Task Distinct_sides_have_none() => Verify.Analyzer(Sources.Usings + Sources.Encoder);
}
