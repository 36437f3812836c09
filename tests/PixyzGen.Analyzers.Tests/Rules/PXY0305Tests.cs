using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0305: Unsupported targets.</summary>
public class PXY0305Tests
{
    [Test]
    public Task At_a_generic_type() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z)")] public sealed partial class {|PXY0305:Generic|}<T>() : Normal(0, 1, features: [2]);
""");

    [Test]
    public Task At_a_signature_with_two_variables() => Verify.Analyzer(Sources.Usings + """
[Distribution("{|PXY0305:p(x,y|z)|}")] public sealed partial class Pair : Normal { private NormalParams Forward(Tensor z) => new(z, z.exp()); }
""");

    [Test]
    public Task A_Normal_or_Bernoulli_non_generic_class_has_none() => Verify.Analyzer(Sources.Usings + Sources.Prior + Sources.Decoder);
}
