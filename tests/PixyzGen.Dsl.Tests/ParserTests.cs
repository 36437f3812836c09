using System.Linq;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Tests;

public class ParserTests
{
    [TestCase("q(z|x)", "q(z|x)")]
    [TestCase("p(x,y|z)", "p(x,y|z)")]
    [TestCase("p(z)", "p(z)")]
    [TestCase("  p ( x , y | z , w )  ", "p(x,y|z,w)")]
    [TestCase("p_theta(x_1|z0)", "p_theta(x_1|z0)")]
    public void Distribution_signatures_parse_to_their_canonical_text(string text, string canonical)
    {
        var result = DslParser.ParseDistribution(text);
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        Assert.That(result.Value!.Text, Is.EqualTo(canonical));
    }

    [Test]
    public void Variables_keep_their_spans_in_the_string()
    {
        var dist = DslParser.ParseDistribution("p(x, yy|z)").Value!;
        Assert.That(dist.Vars.Select(v => (v.Name, v.Range.Start, v.Range.Length)), Is.EqualTo(new[] { ("x", 2, 1), ("yy", 5, 2) }));
        Assert.That(dist.CondVars.Single().Range.Start, Is.EqualTo(8));
        Assert.That((dist.Range.Start, dist.Range.Length), Is.EqualTo((0, 10)));
    }

    [TestCase("p(x,z) = p(x|z) p(z)", "p(x,z)", new[] { "p(x|z)", "p(z)" })]
    [TestCase("p(x,z)=p(x|z)p(z)", "p(x,z)", new[] { "p(x|z)", "p(z)" })]
    [TestCase("p(x|y)", "p(x|y)", new string[0])]
    public void Factorizations_split_into_joint_and_factors(string text, string joint, string[] factors)
    {
        var result = DslParser.ParseFactorization(text);
        Assert.That(result.Succeeded, Is.True, () => string.Join("; ", result.Errors));
        Assert.That(result.Value!.Joint.Text, Is.EqualTo(joint));
        Assert.That(result.Value.Factors.Select(f => f.Text), Is.EqualTo(factors));
    }

    [Test]
    public void The_vae_loss_parses_into_the_expected_tree()
    {
        var loss = DslParser.ParseLoss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])").Value;
        var reduce = loss as ReduceNode;
        Assert.That(reduce?.Kind, Is.EqualTo(Reduction.Mean));
        var difference = (ChainNode)reduce!.Operand;
        Assert.That(difference.Links.Single().Operator, Is.EqualTo(BinaryOperator.Subtract));
        var kl = (KlNode)difference.First;
        Assert.That((kl.Left.Text, kl.Right.Text), Is.EqualTo(("q(z|x)", "p(z)")));
        var expectation = (ExpectationNode)difference.Links[0].Operand;
        Assert.That(expectation.Distribution.Text, Is.EqualTo("q(z|x)"));
        Assert.That(((LogProbNode)expectation.Body).Distribution.Text, Is.EqualTo("p(x|z)"));
    }

    [Test]
    public void Operators_follow_precedence_and_unary_minus_binds_tightest()
    {
        var loss = (ChainNode)DslParser.ParseLoss("-1 + 2 * beta / 4").Value!;
        Assert.That(loss.IsSum, Is.True);
        Assert.That(loss.Links.Single().Operator, Is.EqualTo(BinaryOperator.Add));
        Assert.That(loss.First, Is.TypeOf<NegateNode>());
        // 2 * beta / 4 is one left-to-right chain: (2 * beta) / 4.
        var product = (ChainNode)loss.Links[0].Operand;
        Assert.That(product.IsSum, Is.False);
        Assert.That(product.Links.Select(l => l.Operator), Is.EqualTo(new[] { BinaryOperator.Multiply, BinaryOperator.Divide }));
        Assert.That(((HyperParameterNode)product.Links[0].Operand).Name, Is.EqualTo("beta"));
    }

    [Test]
    public void Entropy_sum_numbers_and_parentheses_parse()
    {
        var loss = DslParser.ParseLoss("sum((H[q(z|x)] + 1.5e-3))");
        Assert.That(loss.Succeeded, Is.True, () => string.Join("; ", loss.Errors));
        var inner = (ChainNode)((ReduceNode)loss.Value!).Operand;
        Assert.That(inner.First, Is.TypeOf<EntropyNode>());
        Assert.That(((NumberNode)inner.Links.Single().Operand).Value, Is.EqualTo(1.5e-3));
    }

    [Test]
    public void Equal_strings_parse_to_equal_trees_and_different_strings_do_not()
    {
        const string text = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])";
        var first = DslParser.ParseLoss(text);
        var second = DslParser.ParseLoss(string.Concat(text.ToCharArray()));
        Assert.That(ReferenceEquals(first.Value, second.Value), Is.False);
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
        Assert.That(first.Value, Is.Not.EqualTo(DslParser.ParseLoss(text.Replace("mean", "sum")).Value));
    }
}
