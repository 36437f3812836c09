using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0306: Forward's types do not fit its family (the generated Params would not compile), at the user's Forward.</summary>
public class PXY0306Tests
{
    [Test]
    public Task At_a_Forward_returning_another_familys_parameters() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|x)")] public sealed partial class Wrong : Normal { private BernoulliParams {|PXY0306:Forward|}(Tensor x) => BernoulliParams.FromLogits(x); }
""");

    [Test]
    public Task At_a_Forward_taking_a_scalar() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|x)")] public sealed partial class Scalar : Normal { private NormalParams {|PXY0306:Forward|}(double x) => new(tensor(x), tensor(1.0)); }
""");

    [Test]
    public Task At_a_deterministic_Forward_returning_a_record() => Verify.Analyzer(Sources.Usings + """
[Distribution("f(w|x)")] public sealed partial class Det : Deterministic { private NormalParams {|PXY0306:Forward|}(Tensor x) => new(x, x.exp()); }
""");

    [Test]
    public Task Conversions_the_compiler_allows_have_none() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(w|x)")] public sealed partial class Loose : Normal { private NormalParams Forward(object x) => new((Tensor)x, ((Tensor)x).exp()); }
[Distribution("f(w|x)")] public sealed partial class Weights : Deterministic { private TorchSharp.Modules.Parameter Forward(in Tensor x) => new(x); }
""");
}
