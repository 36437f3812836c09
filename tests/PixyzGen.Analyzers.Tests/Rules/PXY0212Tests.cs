using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0212: a temperature set on a distribution of a family that has none, at the temperature.</summary>
public class PXY0212Tests
{
    private const string Relaxed = """
        [Distribution("q(y|x)")] public sealed partial class Soft() : RelaxedCategorical(temperature: 1.0) { private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(x); }
        [Distribution("p(x|y)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor y) => BernoulliParams.FromLogits(y); }

        """;

    [Test]
    public Task At_a_temperature_set_on_a_Normal() => Verify.Analyzer(Sources.Vae(body: """
            [Loss("mean(E_q(z|x, temperature = {|PXY0212:tau|})[log p(x|z)])")] public partial Tensor Cold(Tensor x, double tau);
        """));

    [Test]
    public Task At_a_number_set_on_a_Normal() => Verify.Analyzer(Sources.Vae(body: """
            [Loss("mean(E_q(z|x, temperature = {|PXY0212:0.5|})[log p(x|z)])")] public partial Tensor Cold(Tensor x);
        """));

    [Test]
    public Task A_temperature_of_a_relaxed_member_has_none() => Verify.Analyzer(Sources.Usings + Relaxed + """
        [Model("p(x|y) = p(x|y)")]
        public sealed partial class Labels : GenerativeModel
        {
            public Soft Q { get; } = new();
            public Dec P { get; } = new();
            [Loss("mean(E_q(y|x, temperature = tau)[log p(x|y)])")] public partial Tensor Annealed(Tensor x, float tau);
        }
        """);
}
