using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0207: log, H, KL or IWAE of a deterministic distribution.</summary>
public class PXY0207Tests
{
    private const string Features = """
        [Distribution("d(h|x)")] public sealed partial class Features : Deterministic { private Tensor Forward(Tensor x) => x * 2; }

        """;

    private static string Model(string loss) => Sources.All + Features + $$"""
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class WithFeatures : GenerativeModel
        {
            public Dec P { get; } = new();
            public Pri Pz { get; } = new();
            public Features D { get; } = new();
            [Loss("{{loss}}")] public partial Tensor Loss(Tensor x, Tensor z);
        }
        """;

    [Test]
    public Task At_the_log_of_a_deterministic_distribution() => Verify.Analyzer(Model("mean(log {|PXY0207:d({|PXY0203:h|}|x)|} + log p(x|z))"));

    [Test]
    public Task At_the_entropy_of_a_deterministic_distribution() => Verify.Analyzer(Model("sum(H[{|PXY0207:d(h|x)|}] + log p(x|z) + log p(z))"));

    [Test]
    public Task Drawing_from_a_deterministic_distribution_has_none() => Verify.Analyzer(Model("-mean(E_d(h|x)[log p(x|z)] + log p(z))"));
}
