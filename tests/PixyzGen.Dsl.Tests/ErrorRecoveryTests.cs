using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Dsl.Tests;

/// <summary>A string reports each of its syntax errors at its token, not only the first.</summary>
public class ErrorRecoveryTests
{
    private static (int Start, string Message)[] Errors(string text) =>
        DslParser.ParseLoss(text).Errors.Select(e => (e.Range.Start, e.Message)).ToArray();

    [Test]
    public void Two_bad_terms_of_a_sum_are_two_errors_each_at_its_token()
    {
        const string text = "E_q(z|x)[lg p(x|z)] + KL(q(z|x) | p(z))";
        var errors = DslParser.ParseLoss(text);
        Assert.That(errors.Value, Is.Null, "a string with errors has no value");
        Assert.That(errors.Errors.Select(e => e.Id), Is.All.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That(errors.Errors.Select(e => e.Range.Start), Is.EqualTo(new[] { text.IndexOf("p(x|z)"), text.IndexOf(" | ") + 1 }));
    }

    [Test]
    public void An_error_inside_parentheses_resumes_after_them()
    {
        const string text = "mean(KL(q(z|x) | p(z))) - mean(E_q(z|x)[log p(x|)])";
        var starts = Errors(text).Select(e => e.Start).ToArray();
        Assert.That(starts, Is.EqualTo(new[] { text.IndexOf(" | ") + 1, text.IndexOf("|)]") + 1 }));
    }

    [Test]
    public void Good_terms_between_bad_ones_report_nothing()
    {
        const string text = "KL(q(z|x) | p(z)) + E_q(z|x)[log p(x|z)] - H[q(z|x) + 2 * beta";
        var errors = Errors(text);
        Assert.That(errors, Has.Length.EqualTo(2));
        Assert.That(errors[1].Message, Does.Contain("']'"));
    }

    [Test]
    public void A_factorization_reports_each_bad_factor()
    {
        const string text = "p(x,y,z) = p(x|z p(y|) p(z)";
        var errors = DslParser.ParseFactorization(text).Errors.Select(e => e.Range.Start).ToArray();
        Assert.That(errors, Is.EqualTo(new[] { text.IndexOf("p(y") , text.IndexOf("|)") + 1 }));
    }

    [Test]
    public void Past_the_limit_the_rest_of_the_string_is_not_reported()
    {
        var text = string.Join(" + ", Enumerable.Repeat("KL(q(z|x) | p(z))", 50));
        Assert.That(Errors(text), Has.Length.EqualTo(DslParser.MaxErrors));
    }
}
