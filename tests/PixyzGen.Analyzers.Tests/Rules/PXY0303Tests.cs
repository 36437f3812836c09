using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0303: Forward parameters that differ from the conditioning variables.</summary>
public class PXY0303Tests
{
    [Test]
    public Task At_a_Forward_with_other_names() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|x)")] public sealed partial class Wrong : Normal { private NormalParams {|PXY0303:Forward|}(Tensor y) => new(y, y.exp()); }
""");

    [Test]
    public Task At_the_class_without_Forward() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|x)")] public sealed partial class {|PXY0303:Missing|} : Normal { }
""");

    [Test]
    public Task A_product_of_experts_needs_no_Forward() => Verify.Analyzer(Sources.All + """
        [Distribution("q(z|x)")] public sealed partial class Product(Enc expert, Pri prior) : NormalPoE(prior, new Normal[] { expert });
        """);

    [Test]
    public Task A_flow_needs_no_Forward() => Verify.Analyzer(Sources.Usings + """
        [Distribution("f(v)")] public sealed partial class Flow() : TransformedDistribution(new Normal(0.0, 1.0, var: new[] { "u" }, features: new long[] { 2 }), new FlowLayer[] { new PlanarLayer(2) });
        """);

    [Test]
    public Task A_mixture_and_its_posterior_need_no_Forward() => Verify.Analyzer(Sources.Usings + """
        [Distribution("m(v)")] public sealed partial class Mixture() : MixtureModel(new Distribution[] { new Normal(0.0, 1.0, var: new[] { "v" }) }, new Categorical(full(1, 1.0), var: new[] { "k" }));
        [Distribution("m(k|v)")] public sealed partial class Assignment(Mixture mixture) : MixturePosterior(mixture);
        """);

    [Test]
    public Task A_matching_Forward_has_none() => Verify.Analyzer(Sources.Usings + Sources.Encoder);
}
