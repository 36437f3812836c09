using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Printing;

namespace PixyzGen.Dsl.Tests;

/// <summary>The generated LaTeX constants print as the Runtime's ToLatex() does (Runtime PrintingTests hold the same strings).</summary>
public class LatexPrinterTests
{
    [TestCase("72 * -log p(y)", "72 \\left(- \\log p(y)\\right)")]
    [TestCase("-log p(y) * 72", "- \\log p(y) 72")]
    [TestCase("a / b * c / d", "\\frac{\\frac{a}{b} c}{d}")]
    [TestCase("a - b + c", "a - b + c")]
    [TestCase("a - (b + c)", "a - \\left(b + c\\right)")]
    public void Losses(string formula, string latex) => Assert.That(LatexPrinter.Loss(DslParser.ParseLoss(formula).Value!), Is.EqualTo(latex));

    [TestCase("p_prior(z)", "p_{prior}(z)")]
    [TestCase("q(z_1|x)", "q(z_{1}|x)")]
    public void Signatures(string signature, string latex) => Assert.That(LatexPrinter.Signature(DslParser.ParseDistribution(signature).Value!), Is.EqualTo(latex));

    [Test]
    public void A_marginal_integrates_once_per_variable() =>
        Assert.That(LatexPrinter.Factorization(DslParser.ParseFactorization("p(x) = p(x|z,w) p(z) p(w)").Value!), Is.EqualTo("p(x) = \\int \\int p(x|z,w)p(z)p(w)dzdw"));
}
