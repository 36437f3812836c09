using System.Linq;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Dsl.Tests;

/// <summary>The mistakes a Pixyz user makes first get an error that says what to write instead.</summary>
public class FirstContactTests
{
    [TestCase("p_{prior}(z)", 2, "write p_prior, not p_{prior} (LaTeX output typesets p_prior as p_{prior})")]
    [TestCase("p(x_{1}|z)", 4, "write x_1, not x_{1}")]
    public void A_LaTeX_subscript_in_a_name_says_names_are_identifiers(string text, int start, string fragment)
    {
        var error = DslParser.ParseDistribution(text).Errors.Single();
        Assert.That((error.Id, error.Range.Start), Is.EqualTo((DiagnosticIds.DistributionSyntax, start)));
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [Test]
    public void A_LaTeX_subscript_in_a_factorization_says_the_same()
    {
        var error = DslParser.ParseFactorization("p(x,z) = p(x|z) p_{prior}(z)").Errors.Single();
        Assert.That(error.Message, Does.Contain("write p_prior"));
    }

    [TestCase("mean(ELBO(p(x,z) || q(z|x)))", "E_q(z|x)[log p(x,z) - log q(z|x)]")]
    [TestCase("KullbackLeibler(q(z|x), p(z))", "KL(q(z|x) || p(z))")]
    [TestCase("StochasticReconstructionLoss(q(z|x), p(x|z))", "-E_q(z|x)[log p(x|z)]")]
    [TestCase("IWAE(p(x,z), q(z|x))", "IWAE_k(p(x,z) || q(z|x))")]
    public void A_Pixyz_loss_class_written_as_a_term_suggests_its_formula(string text, string form)
    {
        var error = DslParser.ParseLoss(text).Errors.Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That(error.Message, Does.Contain("is a loss class of the dynamic API").And.Contain(form));
    }

    [Test]
    public void A_factor_no_member_declares_is_unknown_even_when_a_member_shares_its_name()
    {
        // p(z) is missing; p(x|z) shares the name but generates x: not a near miss of p(z).
        var members = new[] { new MemberSignature("P", DslParser.ParseDistribution("p(x|z)").Value!), new MemberSignature("Q", DslParser.ParseDistribution("q(z|x)").Value!) };
        var factor = DslParser.ParseDistribution("p(z)").Value!;
        Assert.That(MemberResolver.Resolve(factor, members, out var error), Is.EqualTo(-1));
        Assert.That(error!.Id, Is.EqualTo(DiagnosticIds.UnknownDistribution));
        Assert.That(error.Message, Does.Contain("No distribution member declares p(z)"));
        MemberResolver.Resolve(DslParser.ParseDistribution("p(x|y)").Value!, members, out var mismatch);
        Assert.That(mismatch!.Id, Is.EqualTo(DiagnosticIds.SignatureMismatch), "same name and variables: a near miss");
    }

    [Test]
    public void A_distribution_names_at_most_as_many_variables_as_a_CSharp_method_can_take()
    {
        string Signature(int count) => $"q(z|{string.Join(",", Enumerable.Range(1, count - 1).Select(i => "a" + i))})";
        Assert.That(DslParser.ParseDistribution(Signature(DslParser.MaxVariables)).Succeeded, Is.True);
        var error = DslParser.ParseDistribution(Signature(DslParser.MaxVariables + 1)).Errors.Single();
        Assert.That((error.Id, error.Range.Start, error.Range.Length), Is.EqualTo((DiagnosticIds.DistributionSyntax, 0, 1)));
        Assert.That(error.Message, Does.Contain("q(...) names 65,536 variables; the limit is 65,535, as a C# method takes at most 65,536 parameters"));
    }
}
