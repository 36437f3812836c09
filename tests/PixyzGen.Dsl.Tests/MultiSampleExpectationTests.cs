using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Tests;

/// <summary><c>E_q(z|x)^k[...]</c>: k draws averaged; k a whole number of at least one.</summary>
public class MultiSampleExpectationTests
{
    [TestCase("E_q(z|x)[log p(x|z)]", 1)]
    [TestCase("E_q(z|x)^5[log p(x|z)]", 5)]
    [TestCase("E_q(z|x) ^ 12 [log p(x|z)]", 12)]
    public void The_sample_count_follows_the_caret(string text, int samples)
    {
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        Assert.That(((ExpectationNode)result.Value!).Samples, Is.EqualTo(samples));
    }

    [TestCase("E_q(z|x)^0[log p(x|z)]", "0")]
    [TestCase("E_q(z|x)^2.5[log p(x|z)]", "2.5")]
    [TestCase("E_q(z|x)^[log p(x|z)]", "[")]
    public void Anything_but_a_positive_whole_number_is_an_error_at_it(string text, string offending)
    {
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        var error = result.Errors[0];
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That(text.Substring(error.Range.Start, error.Range.Length), Is.EqualTo(offending));
    }

    [Test]
    public void The_importance_weighted_bound_names_its_joint_its_proposal_and_k()
    {
        var result = DslParser.ParseLoss("mean(IWAE_50(p(x,z) || q(z|x)))");
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        var iwae = (IwaeNode)((ReduceNode)result.Value!).Operand;
        Assert.That((iwae.Joint.Text, iwae.Proposal.Text, iwae.K), Is.EqualTo(("p(x,z)", "q(z|x)", 50)));
    }

    [TestCase("IWAE_0(p(x,z) || q(z|x))", "IWAE_0")]
    [TestCase("IWAE_5(p(x,z), q(z|x))", ",")]
    [TestCase("IWAE_5 + 1", "IWAE_5")]
    public void A_bad_bound_is_an_error_at_the_offending_token(string text, string offending)
    {
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(text.Substring(result.Errors[0].Range.Start, result.Errors[0].Range.Length), Is.EqualTo(offending));
    }

    [Test]
    public void MMD_compares_two_distributions()
    {
        var result = DslParser.ParseLoss("mean(log p(x|z)) + 10 * MMD(q(z|x) || p(z))");
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        var mmd = (MmdNode)((ChainNode)((ChainNode)result.Value!).Links[0].Operand).Links[0].Operand;
        Assert.That((mmd.Left.Text, mmd.Right.Text), Is.EqualTo(("q(z|x)", "p(z)")));
        Assert.That(DslParser.ParseLoss("MMD + 1").Errors, Has.Count.EqualTo(1), "MMD is reserved");
        var multiquadric = (MmdNode)DslParser.ParseLoss("MMD_imq(q(z|x) || p(z))").Value!;
        Assert.That((mmd.InverseMultiquadric, multiquadric.InverseMultiquadric), Is.EqualTo((false, true)));
    }

    [Test]
    public void An_iteration_names_its_series_its_carried_state_and_its_step()
    {
        var result = DslParser.ParseLoss("mean(iterate(x, y | h = h_prev, c = c_prev)[KL(q(h|x,h_prev) || p(h|h_prev))])");
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        var iterate = (IterateNode)((ReduceNode)result.Value!).Operand;
        Assert.That(iterate.Series.Select(s => s.Name), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(iterate.Carries.Select(c => (c.From.Name, c.To.Name)), Is.EqualTo(new[] { ("h", "h_prev"), ("c", "c_prev") }));
    }

    [TestCase("iterate(x | h)[log p(x|h)]", ")")]
    [TestCase("iterate(x)log p(x|h)", "log")]
    [TestCase("iterate + 1", "iterate")]
    public void A_malformed_iteration_is_an_error_at_the_offending_token(string text, string offending)
    {
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(text.Substring(result.Errors[0].Range.Start, result.Errors[0].Range.Length), Is.EqualTo(offending));
    }

    [Test]
    public void An_IWAE_count_can_be_a_whole_number_parameter_at_its_name()
    {
        var members = new[] { new Checking.MemberSignature("Q", DslParser.ParseDistribution("q(z|x)").Value!), new Checking.MemberSignature("P", DslParser.ParseDistribution("p(x|z)").Value!), new Checking.MemberSignature("Pz", DslParser.ParseDistribution("p(z)").Value!) };
        const string text = "mean(IWAE_count(p(x,z) || q(z|x)))";
        var loss = DslParser.ParseLoss(text).Value!;
        var iwae = (Syntax.IwaeNode)((Syntax.ReduceNode)loss).Operand;
        Assert.That((iwae.CountParameter!.Name, iwae.CountText), Is.EqualTo(("count", "count")));
        Assert.That(text.Substring(iwae.CountParameter.Range.Start, iwae.CountParameter.Range.Length), Is.EqualTo("count"));
        Checking.LossParameterShape Tensor(string name) => new(name, Checking.LossShapeRules.Tensor);
        Assert.That(Checking.LossChecker.Check(loss, members, new[] { Tensor("x"), new Checking.LossParameterShape("count", "long") }, "Loss"), Is.Empty);
        var asDouble = Checking.LossChecker.Check(loss, members, new[] { Tensor("x"), new Checking.LossParameterShape("count", "double") }, "Loss").Single();
        Assert.That((asDouble.Id, asDouble.Range.Start, asDouble.Range.Length), Is.EqualTo((Diagnostics.DiagnosticIds.SettingOfWrongType, 10, 5)));
        var unknown = Checking.LossChecker.Check(loss, members, new[] { Tensor("x") }, "Loss").Single();
        Assert.That((unknown.Id, unknown.Range.Start), Is.EqualTo((Diagnostics.DiagnosticIds.UnboundVariable, 10)));
        Assert.That(Printing.LatexPrinter.Loss(loss), Does.Contain("\\frac{1}{count}"));
        Assert.That(DslParser.ParseLoss("IWAE_count + 1").Succeeded, Is.True, "a name of that shape without '(' is a scalar parameter, as before");
    }

    [Test]
    public void A_draw_count_can_be_a_whole_number_parameter_and_nothing_else()
    {
        var members = new[] { new Checking.MemberSignature("Q", DslParser.ParseDistribution("q(z|x)").Value!), new Checking.MemberSignature("P", DslParser.ParseDistribution("p(x|z)").Value!) };
        var loss = DslParser.ParseLoss("mean(E_q(z|x)^k[log p(x|z)])").Value!;
        Assert.That(((Syntax.ExpectationNode)((Syntax.ReduceNode)loss).Operand).SampleCount!.Name, Is.EqualTo("k"));
        Checking.LossParameterShape Tensor(string name) => new(name, Checking.LossShapeRules.Tensor);
        Assert.That(Checking.LossChecker.Check(loss, members, new[] { Tensor("x"), new Checking.LossParameterShape("k", "int") }, "Loss"), Is.Empty);
        var asDouble = Checking.LossChecker.Check(loss, members, new[] { Tensor("x"), new Checking.LossParameterShape("k", "double") }, "Loss").Single();
        Assert.That((asDouble.Id, asDouble.Range.Start), Is.EqualTo((Diagnostics.DiagnosticIds.SettingOfWrongType, 14)));
        var unknown = Checking.LossChecker.Check(loss, members, new[] { Tensor("x") }, "Loss").Single();
        Assert.That(unknown.Id, Is.EqualTo(Diagnostics.DiagnosticIds.UnboundVariable));
    }
}
