using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Dsl.Tests;

/// <summary>A joint written in a term stands for the members generating its variables (Pixyz's hierarchical VI and decoders of two modalities).</summary>
public class JointTermTests
{
    // Pixyz's hierarchical_variational_inference: q(a,z|x) = q(a|x) q(z|x); p(x,a,z) = p(x|a) p(a|z) p_prior(z).
    private static readonly MemberSignature[] Hierarchical =
    {
        Member("Q1", "q(a|x)", "Normal"), Member("Q2", "q(z|x)", "Normal"),
        Member("P3", "p(x|a)", "Bernoulli"), Member("P2", "p(a|z)", "Normal"), Member("Prior", "p_prior(z)", "Normal"),
        Member("Px", "d(x|z)", "Bernoulli"), Member("Py", "d(y|z)", "Categorical"), Member("Det", "f(h|x)", "Deterministic"), Member("Qh", "q(w|h)", "Normal"),
    };

    private static MemberSignature Member(string name, string signature, string family) => new(name, DslParser.ParseDistribution(signature).Value!, family);

    private static IReadOnlyList<DslError> Errors(string text, params string[] parameters) =>
        LossChecker.Check(DslParser.ParseLoss(text).Value!, Hierarchical, parameters, "Loss").Where(e => DiagnosticCatalog.Get(e.Id).Severity == DslSeverity.Error).ToList();

    [TestCase("mean(-E_q(a,z|x)[log p(x,a,z) - log q(a,z|x)])", "x")]
    [TestCase("mean(-log d(x,y|z))", "x", "y", "z")]
    [TestCase("mean(KL(q(a,z|x) || p(a,z)) - E_q(a,z|x)[log p(x|a)])", "x")]
    [TestCase("mean(H[q(a,z|x)])", "x")]
    [TestCase("-mean(IWAE_5(p(x,a,z) || q(a,z|x)))", "x")]
    public void A_joint_of_members_is_a_valid_term(string formula, params string[] parameters)
    {
        Assert.That(Errors(formula, parameters), Is.Empty);
    }

    [Test]
    public void Factors_come_in_the_joints_order_and_a_subscripted_name_fills_a_variable_no_member_of_the_joints_name_generates()
    {
        var joint = DslParser.ParseDistribution("p(x,a,z)").Value!;
        var factors = JointFactors.Resolve(joint, Hierarchical, out var error);
        Assert.That(error, Is.Null);
        Assert.That(factors!.Select(i => Hierarchical[i].MemberName), Is.EqualTo(new[] { "P3", "P2", "Prior" }));
        Assert.That(JointFactors.SamplingOrder(joint, factors!, Hierarchical)!.Select(i => Hierarchical[i].MemberName), Is.EqualTo(new[] { "Prior", "P2", "P3" }), "parents first");
    }

    [Test]
    public void A_variable_no_member_generates_is_PXY0201_at_the_joint()
    {
        var error = Errors("mean(log p(a,b|z))", "a", "b", "z").Single();
        Assert.That((error.Id, error.Range.Start), Is.EqualTo((DiagnosticIds.UnknownDistribution, 9)));
        Assert.That(error.Message, Does.Contain("p(b|...)").And.Contain("as a factor of p(a,b|z)"));
    }

    [Test]
    public void A_variable_several_members_of_other_names_generate_is_ambiguous()
    {
        // x: p(x|a) (name p) and d(x|z) (name d); r(x,z) names neither, so the factor is ambiguous.
        var error = Errors("mean(log r(x,z))", "x", "z").Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.UnknownDistribution));
        Assert.That(error.Message, Does.Contain("p(x|a), d(x|z) all generate x"));
    }

    [Test]
    public void A_factor_conditioned_outside_the_joint_is_PXY0210()
    {
        var error = Errors("mean(log p(x,a))", "x", "a").Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.TermJointMismatch));
        Assert.That(error.Message, Does.Contain("its factor p(a|z) conditions on z, which p(x,a) does not list"));
    }

    [Test]
    public void A_joint_with_a_deterministic_factor_has_no_density()
    {
        var error = Errors("mean(log q(h,w|x))", "x", "h", "w").Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.NoDensity));
    }

    [Test]
    public void A_KL_over_a_joint_says_it_is_estimated_by_Monte_Carlo()
    {
        var info = LossChecker.Check(DslParser.ParseLoss("mean(KL(q(a,z|x) || p(a,z)))").Value!, Hierarchical, new[] { "x" }, "Loss")
            .Single(e => e.Id == DiagnosticIds.MonteCarloKl);
        Assert.That(info.Message, Does.Contain("a joint of q(a|x), q(z|x)"));
    }

    [Test]
    public void A_one_variable_reference_still_suggests_the_member_it_resembles()
    {
        var error = Errors("mean(log p(x|z))", "x", "z").Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.SignatureMismatch));
    }
}
