using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0210: a joint written inside a loss term (IWAE's, an adversarial generator's) must fit its members.</summary>
public class PXY0210Tests
{
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
