using System.Linq;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Tests;

/// <summary><c>MMD(q || p, sigma2 = ...)</c>: the kernel width as a number or a scalar parameter of the loss.</summary>
public class KernelWidthTests
{
    private static readonly MemberSignature[] Members =
    {
        new("Q", DslParser.ParseDistribution("q(z|x)").Value!, "Normal"),
        new("Pz", DslParser.ParseDistribution("p(z)").Value!, "Normal"),
    };

    [TestCase("MMD(q(z|x) || p(z), sigma2 = 32)", 32.0)]
    [TestCase("MMD_imq(q(z|x) || p(z), sigma2 = 0.5)", 0.5)]
    public void A_number_is_the_width(string text, double width)
    {
        var mmd = (MmdNode)DslParser.ParseLoss(text).Value!;
        Assert.That(((NumberNode)mmd.KernelWidth!).Value, Is.EqualTo(width));
    }

    [Test]
    public void A_name_is_a_hyper_parameter_the_formula_uses()
    {
        var loss = DslParser.ParseLoss("MMD(q(z|x) || p(z), sigma2 = s)").Value!;
        Assert.That(((HyperParameterNode)((MmdNode)loss).KernelWidth!).Name, Is.EqualTo("s"));
        var parameters = new[] { new LossParameterShape("x", LossShapeRules.Tensor), new LossParameterShape("s", "double") };
        Assert.That(LossChecker.Check(loss, Members, parameters, "Loss").Where(e => e.Id != DiagnosticIds.MonteCarloKl), Is.Empty, "s counts as used");
    }

    [TestCase("MMD(q(z|x) || p(z), width = 3)", 20, "MMD takes one setting, sigma2")]
    [TestCase("MMD(q(z|x) || p(z), sigma2 = 0)", 29, "must be a positive, finite number")]
    [TestCase("MMD(q(z|x) || p(z), sigma2 = -1)", 29, "a positive number or a scalar parameter")]
    [TestCase("MMD(q(z|x) || p(z), sigma2)", 26, "'=' after sigma2")]
    public void A_bad_setting_is_a_syntax_error_at_its_token(string text, int start, string fragment)
    {
        var error = DslParser.ParseLoss(text).Errors.Single();
        Assert.That((error.Id, error.Range.Start), Is.EqualTo((DiagnosticIds.LossSyntax, start)));
        Assert.That(error.Message, Does.Contain(fragment));
    }

    [Test]
    public void A_tensor_width_is_PXY0215_and_an_unknown_one_PXY0203_at_the_name()
    {
        var loss = DslParser.ParseLoss("MMD(q(z|x) || p(z), sigma2 = x)").Value!;
        var error = LossChecker.Check(loss, Members, new[] { new LossParameterShape("x", LossShapeRules.Tensor) }, "Loss").Single();
        Assert.That((error.Id, error.Range.Start), Is.EqualTo((DiagnosticIds.SettingOfWrongType, 29)));
        var unknown = DslParser.ParseLoss("MMD(q(z|x) || p(z), sigma2 = s)").Value!;
        var unbound = LossChecker.Check(unknown, Members, new[] { new LossParameterShape("x", LossShapeRules.Tensor) }, "Loss").Single();
        Assert.That((unbound.Id, unbound.Range.Start), Is.EqualTo((DiagnosticIds.UnboundVariable, 29)));
    }

    [Test]
    public void Sigma2_stays_an_ordinary_name_elsewhere()
    {
        Assert.That(DslParser.ParseLoss("sigma2 * MMD(q(z|x) || p(z))").Errors, Is.Empty);
    }
}
