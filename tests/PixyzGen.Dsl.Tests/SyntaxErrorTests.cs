using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Dsl.Tests;

/// <summary>Each malformed string yields one error with its ID at the exact offending span.</summary>
public class SyntaxErrorTests
{
    [TestCase("q(z|x", 5, 0, "expected ',' or ')' but found end of text")]
    [TestCase("q(z|x))", 6, 1, "expected the end after the signature but found ')'")]
    [TestCase("q z|x)", 2, 1, "expected '(' after 'q'")]
    [TestCase("q(|x)", 2, 1, "expected a variable name")]
    [TestCase("q(z|x,)", 6, 1, "expected a variable name")]
    [TestCase("", 0, 0, "expected a distribution name")]
    [TestCase("q(z|x) & ", 7, 1, "found '&'")]
    public void Distribution_syntax_errors_are_PXY0001_at_the_token(string text, int start, int length, string fragment)
    {
        var error = DslParser.ParseDistribution(text).Errors.Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.DistributionSyntax));
        Assert.That((error.Range.Start, error.Range.Length), Is.EqualTo((start, length)), error.Message);
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [TestCase("p(x,z) = p(x|z) + p(z)", 16, 1)]
    [TestCase("p(x,z) =", 8, 0)]
    [TestCase("p(x,z) p(z)", 7, 1)]
    public void Factorization_syntax_errors_are_PXY0001_at_the_token(string text, int start, int length)
    {
        var error = DslParser.ParseFactorization(text).Errors.Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.DistributionSyntax));
        Assert.That((error.Range.Start, error.Range.Length), Is.EqualTo((start, length)), error.Message);
    }

    [TestCase("", 0, 0, "empty")]
    [TestCase("mean(KL(q(z|x) | p(z)))", 15, 1, "'||'")]
    [TestCase("E_q(z|x)(log p(x|z))", 8, 1, "'['")]
    [TestCase("log", 3, 0, "distribution name")]
    [TestCase("p(x|z)", 0, 1, "did you mean log p(...)?")]
    [TestCase("KL + 1", 0, 2, "reserved word")]
    [TestCase("mean(1", 6, 0, "')'")]
    [TestCase("1 2", 2, 1, "operator")]
    [TestCase("1 + * 2", 4, 1, "expected a term")]
    [TestCase("E_q(z|x)[log p(x|z)", 19, 0, "']'")]
    public void Loss_syntax_errors_are_PXY0005_at_the_token(string text, int start, int length, string fragment)
    {
        var error = DslParser.ParseLoss(text).Errors.Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That((error.Range.Start, error.Range.Length), Is.EqualTo((start, length)), error.Message);
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var deep = new string('(', 100_000) + "1" + new string(')', 100_000);
        var result = DslParser.ParseLoss(deep);
        Assert.That(result.Errors.Single().Message, Does.Contain("nests deeper"));
    }

    [Test]
    public void Null_text_is_an_error_not_an_exception()
    {
        Assert.That(DslParser.ParseLoss(null).Errors.Single().Id, Is.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That(DslParser.ParseFactorization(null).Errors.Single().Id, Is.EqualTo(DiagnosticIds.DistributionSyntax));
    }
}
