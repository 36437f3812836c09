using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0211: a term that would draw from a custom density (which only scores), at the density's reference.</summary>
public class PXY0211Tests
{
    private const string Target = """
        [Distribution("p(t)")] public sealed partial class Banana : CustomDensity { public Tensor LogDensity(Tensor t) => -t.square().sum(-1); }
        [Distribution("q(t)")] public sealed partial class Approx() : Normal(0, 1, features: [2]);

        """;

    private static string Model(string loss, string parameters = "") => Sources.Usings + Target + $$"""
        [Model("p(t)")]
        public sealed partial class Vi : GenerativeModel
        {
            public Banana P { get; } = new();
            public Approx Q { get; } = new();
            [Loss("{{loss}}")] public partial Tensor Loss({{parameters}});
        }
        """;

    [Test]
    public Task At_an_expectation_over_a_custom_density() => Verify.Analyzer(Model("mean(E_{|PXY0211:p(t)|}[log q(t)])"));

    [Test]
    public Task At_the_entropy_of_a_custom_density() => Verify.Analyzer(Model("mean(H[{|PXY0211:p(t)|}] + log q(t))", "Tensor t"));

    [Test]
    public Task At_the_left_side_of_a_KL() => Verify.Analyzer(Model("mean({|PXY0205:KL({|PXY0211:p(t)|} || q(t))|})"));

    [Test]
    public Task At_either_side_of_an_MMD() => Verify.Analyzer(Model("MMD(q(t) || {|PXY0211:p(t)|})"));

    [Test]
    public Task At_an_IWAE_proposal() => Verify.Analyzer(Model("mean(IWAE_4(q(t) || {|PXY0211:p(t)|}))"));

    [Test]
    public Task Scoring_a_custom_density_under_draws_of_another_has_none() => Verify.Analyzer(Model("mean(E_q(t)[log q(t) - log p(t)])"));

    [Test]
    public Task A_KL_towards_a_custom_density_is_only_Monte_Carlo() => Verify.Analyzer(Model("mean({|PXY0205:KL(q(t) || p(t))|})"));
}
