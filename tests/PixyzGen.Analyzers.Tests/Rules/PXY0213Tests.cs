using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0213: one relaxed distribution given two temperatures in one loss, at the second.</summary>
public class PXY0213Tests
{
    private static string Labels(string loss, string parameters) => Sources.Usings + $$"""
        [Distribution("q(y|x)")] public sealed partial class Soft() : RelaxedCategorical(temperature: 1.0) { private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(x); }
        [Distribution("p(x|y)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor y) => BernoulliParams.FromLogits(y); }
        [Model("p(x|y) = p(x|y)")]
        public sealed partial class Labels : GenerativeModel
        {
            public Soft Q { get; } = new();
            public Dec P { get; } = new();
            [Loss("{{loss}}")] public partial Tensor Annealed({{parameters}});
        }
        """;

    [Test]
    public Task At_a_second_different_temperature() =>
        Verify.Analyzer(Labels("mean(E_q(y|x, temperature = 0.5)[log p(x|y)]) + mean(E_q(y|x, temperature = {|PXY0213:tau|})[log p(x|y)])", "Tensor x, double tau"));

    [Test]
    public Task The_same_temperature_twice_has_none() =>
        Verify.Analyzer(Labels("mean(E_q(y|x, temperature = tau)[log p(x|y)]) + mean(E_q(y|x, temperature = tau)[log p(x|y)])", "Tensor x, double tau"));
}
