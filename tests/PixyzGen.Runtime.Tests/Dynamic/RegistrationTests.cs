using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Each module of a composed distribution is registered once, so state dicts and checkpoints hold each tensor once.</summary>
public class RegistrationTests
{
    private sealed class Learned : Normal
    {
        private readonly TorchSharp.Modules.Parameter loc = nn.Parameter(zeros(2));

        public Learned() : base(var: new[] { "x" }, condVar: new[] { "z" }) => RegisterComponents();

        protected override NormalParams ParamsFor(Variables inputs) => new(loc + inputs["z"], ones(2));
    }

    [Test]
    public void Renamed_and_marginalized_factors_register_their_inner_distribution_once()
    {
        var renamed = new Learned().ReplaceVar(("z", "y"));
        var joint = renamed * new Normal(0.0, 1.0, var: new[] { "y" }, features: new long[] { 2 });
        var marginal = joint.MarginalizeVar("y");
        // Pixyz's names: the renamed distribution is "p" inside its wrapper; the constant prior's loc and scale are buffers.
        Assert.That(renamed.state_dict().Keys, Is.EquivalentTo(new[] { "p.loc" }));
        Assert.That(joint.state_dict().Keys, Is.EquivalentTo(new[] { "factor0.p.loc", "factor1.loc", "factor1.scale" }));
        Assert.That(marginal.state_dict().Keys, Is.EquivalentTo(new[] { "p.factor0.p.loc", "p.factor1.loc", "p.factor1.scale" }));
        using var vi = new ML(joint.MarginalizeVar("y"));
        Assert.That(vi.Optimizer.parameters().Count(), Is.EqualTo(1));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Flows_register_each_network_once(bool image)
    {
        using var flow = image
            ? new RealNVP(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 2, 4, 4 }), dim: 2, image: true, hidden: 4, var: new[] { "x" })
            : new RealNVP(new Normal(0.0, 1.0, var: new[] { "z" }, features: new long[] { 4 }), dim: 4, hidden: 8, var: new[] { "x" });
        var state = flow.state_dict();
        Assert.That(state.Keys.Where(k => k.Contains("Net.") || k.Contains("inner.")), Is.Empty, string.Join(", ", state.Keys));
        Assert.That(state.Values.Select(t => t.Handle).Distinct().Count(), Is.EqualTo(state.Count), "no tensor is held under two names");
    }
}
