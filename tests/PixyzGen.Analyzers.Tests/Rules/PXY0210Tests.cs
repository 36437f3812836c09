using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0210: a joint written inside a loss term (IWAE's, an adversarial generator's) must fit its members.</summary>
public class PXY0210Tests
{
    [Test]
    public Task At_a_temperature_set_on_a_family_that_is_not_relaxed() => Verify.Analyzer(Sources.Vae(body: """
            [Loss("mean(E_q(z|x, temperature = {|PXY0210:tau|})[log p(x|z)])")] public partial Tensor Cold(Tensor x, double tau);
        """));

    [Test]
    public Task A_temperature_of_a_relaxed_member_has_none() => Verify.Analyzer(Sources.Usings + """
        [Distribution("q(y|x)")] public sealed partial class Soft() : RelaxedCategorical(temperature: 1.0) { private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(x); }
        [Distribution("p(x|y)")] public sealed partial class Dec : Bernoulli { private BernoulliParams Forward(Tensor y) => BernoulliParams.FromLogits(y); }
        [Model("p(x|y) = p(x|y)")]
        public sealed partial class Labels : GenerativeModel
        {
            public Soft Q { get; } = new();
            public Dec P { get; } = new();
            [Loss("mean(E_q(y|x, temperature = tau)[log p(x|y)])")] public partial Tensor Annealed(Tensor x, float tau);
        }
        """);

    [Test]
    public Task At_a_proposal_variable_the_bound_joint_does_not_generate() => Verify.Analyzer(Sources.All + """
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Enc Q { get; } = new();
            public Dec P { get; } = new();
            public Pri Pz { get; } = new();
            [Loss("mean(IWAE_5(p(x|z) || q({|PXY0210:z|}|x)))")] public partial Tensor Bound(Tensor x, Tensor z);
        }
        """);

    [Test]
    public Task At_a_joint_factor_conditioned_outside_the_joint() => Verify.Analyzer(Sources.All + """
        [Model("p(x,y) = p(x|y) p(y)")]
        public sealed partial class Labels : GenerativeModel
        {
            public Other P { get; } = new();
            public LabelPri Py { get; } = new();
            public Enc Q { get; } = new();
            [Loss("mean(IWAE_5({|PXY0210:p(x)|} || q({|PXY0210:z|}|x)))")] public partial Tensor Bound(Tensor x);
        }
        """);

    [Test]
    public Task At_an_adversarial_generator_not_conditioned_on_its_prior() => Verify.Analyzer(Sources.All +
        """[Distribution("d(t|x)")] public sealed partial class Critic : Deterministic { private Tensor Forward(Tensor x) => x.sum(-1, keepdim: true).sigmoid(); }""" + "\n" + """
        [Model("p(x) = p(x|z) p(z)")]
        public sealed partial class Gan : GenerativeModel
        {
            public Dec P { get; } = new();
            public Pri Pz { get; } = new();
            public LabelPri Py { get; } = new();
            public Critic D { get; } = new();
            [Loss("ADV_JS[d(t|x)]({|PXY0210:p(x|z)|} || p(y))")] public partial Tensor Generator(Tensor x);
        }
        """);

    [Test]
    public Task At_a_joint_in_a_log_term_whose_factor_conditions_outside_it() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(log {|PXY0210:p(x,y)|})\")] public partial Tensor A(Tensor x, Tensor y);"));
}
