using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0307: a custom density's LogDensity (value, then conditions; Tensors in, Tensor out), at the user's method.</summary>
public class PXY0307Tests
{
    [Test]
    public Task At_the_class_without_LogDensity() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z)")] public sealed partial class {|PXY0307:Missing|} : CustomDensity { }
""");

    [Test]
    public Task At_a_LogDensity_naming_another_variable() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z)")] public sealed partial class Wrong : CustomDensity { public Tensor {|PXY0307:LogDensity|}(Tensor x) => -x.square().sum(-1); }
""");

    [Test]
    public Task At_a_LogDensity_with_the_condition_first() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z|y)")] public sealed partial class Swapped : CustomDensity { public Tensor {|PXY0307:LogDensity|}(Tensor y, Tensor z) => -(z - y).square().sum(-1); }
""");

    [Test]
    public Task At_a_LogDensity_returning_parameters() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z)")] public sealed partial class Scalar : CustomDensity { public NormalParams {|PXY0307:LogDensity|}(Tensor z) => new(z, z.exp()); }
""");

    [Test]
    public Task A_matching_conditional_LogDensity_has_none() => Verify.Analyzer(Sources.Usings + """
[Distribution("p(z|y)")] public sealed partial class Energy : CustomDensity { private Tensor LogDensity(Tensor z, Tensor y) => -(z - y).square().sum(-1); }
""");
}
