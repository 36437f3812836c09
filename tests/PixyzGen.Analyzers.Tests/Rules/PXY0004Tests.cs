using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0004: A name that is not a C# identifier or is reserved.</summary>
public class PXY0004Tests
{
    [Test]
    public Task At_a_reserved_word() => Verify.Analyzer(Sources.Usings + """
[Distribution("q({|PXY0004:log|})")] public sealed partial class Reserved() : Normal();
""");

    [Test]
    public Task At_a_CSharp_keyword() => Verify.Analyzer(Sources.Usings + """
[Distribution("q({|PXY0004:class|})")] public sealed partial class Keyword() : Normal();
""");

    [Test]
    public Task Ordinary_names_have_none() => Verify.Analyzer(Sources.Usings + Sources.LabelPrior);
}
