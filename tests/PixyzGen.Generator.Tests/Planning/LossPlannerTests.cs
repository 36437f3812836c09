using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Bind;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Tests.Planning;

/// <summary>The planner's decisions as values: which forward passes and draws a loss needs, in which order, shared how.</summary>
public class LossPlannerTests
{
    private static LossPlan Plan(string formula, IReadOnlyDictionary<string, string>? scalars = null, params string[] observed)
    {
        var (members, signatures) = HandBuiltSpecs.Vae();
        var loss = DslParser.ParseLoss(formula).Value!;
        return new LossPlanner(members, signatures, scalars ?? new Dictionary<string, string>()).Plan(loss, observed.Length == 0 ? new[] { "x" } : observed);
    }

    private static string Describe(PlanStatement statement) => statement switch
    {
        ParametersStatement p => $"params {p.Member.Name}({string.Join(", ", p.Inputs.Select(Describe))})",
        DrawStatement d => $"draw {d.Member.Variable} from {d.Member.Name} {d.Count.GetType().Name}",
        PartialResultStatement => "partial",
        IterationStatement => "iteration",
        _ => statement.GetType().Name,
    };

    private static string Describe(PlanExpression value) => value switch
    {
        PlanParameter p => p.Name,
        PlanLocalValue l => l.Local.Stem,
        _ => value.GetType().Name,
    };

    [Test]
    public void The_vae_loss_runs_each_network_once_and_draws_once()
    {
        var plan = Plan("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])");
        Assert.That(plan.Statements.Select(Describe), Is.EqualTo(new[]
        {
            "params Q(x)", "params Pz()", "draw z from Q OnePerInput", "params P(z)",
        }));
        var reduce = (PlanReduce)plan.Result;
        Assert.That(reduce.Kind, Is.EqualTo(Reduction.Mean));
        var chain = (PlanChain)reduce.Tensor;
        Assert.That(chain.First, Is.TypeOf<PlanClosedFormKl>());
        Assert.That(chain.Links.Single().Operator, Is.EqualTo(BinaryOperator.Subtract));
        Assert.That(((PlanLogProb)chain.Links[0].Operand).Value, Is.EqualTo(new PlanParameter("x")));
    }

    [Test]
    public void Terms_over_the_same_member_and_inputs_share_its_forward_pass_and_draw()
    {
        var plan = Plan("E_q(z|x)[log p(x|z)] + E_q(z|x)[log p(z) - log q(z|x)] - H[q(z|x)]");
        Assert.That(plan.Statements.OfType<ParametersStatement>().Count(p => p.Member.Name == "Q"), Is.EqualTo(1));
        Assert.That(plan.Statements.OfType<DrawStatement>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void K_draws_are_stacked_and_the_expectation_averages_over_them()
    {
        var plan = Plan("E_q(z|x)^4[log p(x|z)]");
        Assert.That(plan.Statements.OfType<DrawStatement>().Single().Count, Is.EqualTo(new StackedDraws(4)));
        Assert.That(plan.Result, Is.TypeOf<PlanMeanOverDraws>());
    }

    [Test]
    public void A_k_draw_term_and_a_one_draw_term_take_separate_draws()
    {
        var plan = Plan("E_q(z|x)^4[log p(x|z)] + E_q(z|x)[log p(x|z)]");
        Assert.That(plan.Statements.OfType<DrawStatement>().Select(d => d.Count), Is.EqualTo(new DrawCount[] { new StackedDraws(4), new OnePerInput() }));
        Assert.That(plan.Statements.OfType<ParametersStatement>().Count(p => p.Member.Name == "P"), Is.EqualTo(2), "p(x|z) at each draw");
    }

    [Test]
    public void A_long_sum_goes_on_from_partial_results_of_at_most_64_operands()
    {
        var plan = Plan(string.Join(" + ", Enumerable.Repeat("log p(x|z)", 200)), observed: new[] { "x", "z" });
        var partials = plan.Statements.OfType<PartialResultStatement>().ToList();
        Assert.That(partials, Has.Count.EqualTo(3));   // 64 + 63 + 63 operands, then the last 10 after the third partial
        Assert.That(partials.All(p => p.IsSum));
        foreach (var chain in partials.Select(p => (PlanChain)p.Value).Append((PlanChain)plan.Result))
            Assert.That(chain.Links.Count + 1, Is.LessThanOrEqualTo(LossPlanner.MaxOperandsPerExpression));
        Assert.That(((PlanChain)plan.Result).First, Is.EqualTo(new PlanLocalValue(partials[2].Local)));
    }

    [Test]
    public void Scalar_hyper_parameters_other_than_double_are_computed_in_double_and_the_result_is_a_tensor()
    {
        var plan = Plan("beta * 2", new Dictionary<string, string> { ["beta"] = "int" });
        var tensor = (PlanToTensor)plan.Result;
        Assert.That(((PlanChain)tensor.Scalar).First, Is.EqualTo(new PlanHyperParameter("beta", ConvertToDouble: true)));
    }

    [Test]
    public void Every_local_has_its_own_identity_in_creation_order()
    {
        var plan = Plan("mean(iterate(x | z = z_prev)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])", observed: new[] { "x", "z_prev" });
        Assert.That(plan.Locals.Select(l => l.Id), Is.EqualTo(Enumerable.Range(0, plan.Locals.Count)));
        var iteration = plan.Statements.OfType<IterationStatement>().Single();
        Assert.That(iteration.Next.Single().Stem, Is.EqualTo("z"), "the step's draw of z carries to the next step");
        Assert.That(iteration.Initial.Single(), Is.EqualTo(new PlanParameter("z_prev")));
    }
}
