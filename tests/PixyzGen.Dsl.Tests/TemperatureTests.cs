using System.Linq;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Tests;

/// <summary><c>E_q(y|x, temperature = tau)[...]</c>: a relaxed family's temperature for the call, a number or a scalar parameter.</summary>
public class TemperatureTests
{
    private static readonly MemberSignature[] Members =
    {
        new("Q", DslParser.ParseDistribution("q(y|x)").Value!, "RelaxedCategorical"),
        new("P", DslParser.ParseDistribution("p(x|y)").Value!, "Normal"),
        new("Qz", DslParser.ParseDistribution("q(z|x)").Value!, "Normal"),
    };

    private static LossParameterShape Tensor(string name) => new(name, LossShapeRules.Tensor);

    [Test]
    public void The_setting_follows_the_conditions_and_the_reference_keeps_its_text()
    {
        const string text = "mean(E_q(y|x, temperature = tau)[log p(x|y)])";
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        var expectation = (ExpectationNode)((ReduceNode)result.Value!).Operand;
        Assert.That(expectation.Distribution.Text, Is.EqualTo("q(y|x)"));
        Assert.That(((HyperParameterNode)expectation.Temperature!).Name, Is.EqualTo("tau"));
        Assert.That(text.Substring(expectation.Temperature!.Range.Start, expectation.Temperature.Range.Length), Is.EqualTo("tau"));
        var number = (ExpectationNode)DslParser.ParseLoss("E_q(y, temperature = 0.5)[log p(x|y)]").Value!;
        Assert.That(((NumberNode)number.Temperature!).Value, Is.EqualTo(0.5));
        Assert.That(number.Distribution.VarNames, Is.EqualTo(new[] { "y" }));
    }

    [TestCase("E_q(y|x, temperature = 0)[log p(x|y)]", "0")]
    [TestCase("log q(y|x, temperature = 2)", "temperature")]
    public void A_bad_setting_is_a_syntax_error_at_it(string text, string offending)
    {
        var result = DslParser.ParseLoss(text);
        Assert.That(result.Errors, Is.Not.Empty);
        var error = result.Errors[0];
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.LossSyntax));
        Assert.That(text.Substring(error.Range.Start, error.Range.Length), Is.EqualTo(offending));
    }

    [Test]
    public void A_scalar_parameter_sets_a_relaxed_member_and_nothing_else_does()
    {
        var loss = DslParser.ParseLoss("mean(E_q(y|x, temperature = tau)[log p(x|y)])").Value!;
        Assert.That(LossChecker.Check(loss, Members, new[] { Tensor("x"), new LossParameterShape("tau", "double") }, "Loss"), Is.Empty);
        Assert.That(LossChecker.Check(loss, Members, new[] { Tensor("x"), new LossParameterShape("tau", "int") }, "Loss"), Is.Empty);
        var asTensor = LossChecker.Check(loss, Members, new[] { Tensor("x"), Tensor("tau") }, "Loss").Single();
        Assert.That((asTensor.Id, asTensor.Range.Start), Is.EqualTo((DiagnosticIds.SettingOfWrongType, 28)));
        var unknown = LossChecker.Check(loss, Members, new[] { Tensor("x") }, "Loss").Single();
        Assert.That((unknown.Id, unknown.Range.Start), Is.EqualTo((DiagnosticIds.UnboundVariable, 28)));

        var normal = DslParser.ParseLoss("mean(E_q(z|x, temperature = 0.5)[log q(z|x)])").Value!;
        var notRelaxed = LossChecker.Check(normal, Members, new[] { Tensor("x") }, "Loss").Single();
        Assert.That(notRelaxed.Id, Is.EqualTo(DiagnosticIds.TemperatureOfUnrelaxedFamily));
        Assert.That(DiagnosticCatalog.Format(notRelaxed), Is.EqualTo("temperature = 0.5 in E_q(z|x): only relaxed families (RelaxedBernoulli, RelaxedCategorical) have a temperature, and q(z|x) is a Normal"));
    }

    [Test]
    public void One_temperature_per_member_and_call()
    {
        var same = DslParser.ParseLoss("mean(E_q(y|x, temperature = tau)[log p(x|y)] + E_q(y|x, temperature = tau)[log p(x|y)])").Value!;
        Assert.That(LossChecker.Check(same, Members, new[] { Tensor("x"), new LossParameterShape("tau", "double") }, "Loss"), Is.Empty);
        var two = DslParser.ParseLoss("mean(E_q(y|x, temperature = 0.5)[log p(x|y)] + E_q(y|x, temperature = 2)[log p(x|y)])").Value!;
        var error = LossChecker.Check(two, Members, new[] { Tensor("x") }, "Loss").Single();
        Assert.That(error.Id, Is.EqualTo(DiagnosticIds.TemperatureSetTwice));
        Assert.That(DiagnosticCatalog.Format(error), Is.EqualTo("The temperature of q(y|x) is set for the whole call: this loss sets it to 2 here and to 0.5 before"));
    }
}
