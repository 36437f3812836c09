using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0003: A variable listed twice.</summary>
public class PXY0003Tests
{
    [Test]
    public Task At_the_second_occurrence() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z,{|PXY0003:z|})")] public sealed partial class Twice() : Normal();
""");

    [Test]
    public Task Distinct_variables_have_none() => Verify.Analyzer(Sources.Usings + Sources.Prior);
}
