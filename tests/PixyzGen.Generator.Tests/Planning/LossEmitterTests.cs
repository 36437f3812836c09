using PixyzGen.Dsl;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Tests.Planning;

/// <summary>The loss emitter on plans built by hand: names it owns, and C# that no plan can make ambiguous.</summary>
public class LossEmitterTests
{
    private static readonly ExistingMembers Nothing = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    private static string Emit(LossSpec spec)
    {
        var writer = new SourceWriter();
        PlanWriter.Members(writer, LossEmitter.Members(spec, Nothing));
        return writer.ToString();
    }

    private static LossPlan Plan(PlanExpression result, params PlanLocal[] locals) => new(locals.ToEquatableArray(), EquatableArray<PlanStatement>.Empty, result);

    [Test]
    public void Its_own_locals_and_the_plans_are_named_apart_from_the_parameters()
    {
        var q = HandBuiltSpecs.Member("Q", "q(z|x)", "Normal").Member;
        var parameters = new PlanLocal(0, "x");
        var plan = new LossPlan(EquatableArray.Create(parameters),
            EquatableArray.Create<PlanStatement>(new ParametersStatement(parameters, q, EquatableArray.Create<PlanExpression>(new PlanParameter("x")))),
            new PlanEntropy(q, parameters));
        var text = Emit(new LossSpec(HandBuiltSpecs.Method("H[q(z|x)]", ("x", "Tensor"), ("scope", "Tensor"), ("result", "double")), plan, null));
        Assert.That(text, Does.Contain("using global::TorchSharp.DisposeScope scope2 = global::TorchSharp.torch.NewDisposeScope();"));
        Assert.That(text, Does.Contain("global::PixyzGen.NormalParams x2 = this.Q!.Params(x); // q(z|x): parameters"));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor result2 = this.Q!.EntropyOf(x2);"));
        Assert.That(text, Does.Contain("return result2.MoveToOuterDisposeScope();"));
    }

    [Test]
    public void Keywords_are_escaped_as_parameters_and_never_taken_as_local_names()
    {
        var local = new PlanLocal(0, "class");
        var plan = new LossPlan(EquatableArray.Create(local),
            EquatableArray.Create<PlanStatement>(new PartialResultStatement(local, new PlanChain(new PlanParameter("event"), EquatableArray.Create(new PlanChainLink(BinaryOperator.Add, new PlanNumber(1)))), true, true)),
            new PlanLocalValue(local));
        var text = Emit(new LossSpec(HandBuiltSpecs.Method("event + 1", ("event", "Tensor")), plan, null));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor class2 = (@event + 1d); // the formula so far, left to right"));
    }

    [Test]
    public void A_negated_negation_is_parenthesized_so_it_is_not_a_decrement()
    {
        var text = Emit(new LossSpec(HandBuiltSpecs.Method("--x", ("x", "Tensor")), Plan(new PlanNegate(new PlanNegate(new PlanParameter("x")))), null));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor result = -(-x);"));
    }

    [Test]
    public void A_draw_with_no_inputs_takes_the_batch_in_force_and_one_to_match_other_rows_takes_theirs()
    {
        var pz = HandBuiltSpecs.Member("Pz", "p(z)", "Normal").Member;
        var parameters = new PlanLocal(0, "pzParams");
        var ambient = new PlanLocal(1, "z");
        var matched = new PlanLocal(2, "zPrior");
        var plan = new LossPlan(EquatableArray.Create(parameters, ambient, matched), EquatableArray.Create<PlanStatement>(
                new ParametersStatement(parameters, pz, EquatableArray<PlanExpression>.Empty),
                new DrawStatement(ambient, pz, parameters, new OnePerInput()),
                new DrawStatement(matched, pz, parameters, new OnePerRowOf(new PlanParameter("x"), MatchesDraw: false))),
            new PlanMmd(new PlanLocalValue(ambient), new PlanLocalValue(matched), InverseMultiquadric: false));
        var text = Emit(new LossSpec(HandBuiltSpecs.Method("MMD(p(z) || p(z))", ("x", "Tensor")), plan, null));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor z = this.Pz!.RSampleFrom(pzParams, this.Pz!.AmbientBatchShape(pzParams)); // z ~ p(z)"));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor zPrior = this.Pz!.RSampleFrom(pzParams, x.shape[0]); // z ~ p(z), one per row of x"));
        Assert.That(text, Does.Contain("global::TorchSharp.torch.Tensor result = global::PixyzGen.MMD.Squared(z, zPrior);"));
    }

    [Test]
    public void An_invalid_loss_throws_its_diagnostic_and_declares_nothing()
    {
        var error = DslError.Create(DiagnosticIds.UnknownDistribution, default, "r(x|z)", "");
        var text = Emit(new LossSpec(HandBuiltSpecs.Method("log r(x|z)", ("x", "Tensor")), null, error));
        Assert.That(text, Does.Contain($"throw new global::System.InvalidOperationException(\"[Loss] Loss is invalid: {error.Id}: "));
        Assert.That(text, Does.Not.Contain(" result ").And.Not.Contain(" scope "));
    }
}
