using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PixyzGen.Runtime.Tests.Generated;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>
/// Formulas read at run time (<see cref="Loss.Parse(string, GenerativeModel)"/>) against the generated bodies of the
/// same formulas: every [Loss] of <see cref="LossKinds"/> (one per kind of term) that the run-time builder takes equals
/// its generated body on the same seed and inputs; the rest are refused by name, and an invalid formula is the
/// analyzer's diagnostic with its span.
/// </summary>
public class LossParseTests
{
    // Every kind of term of LossKinds is built at run time.
    private static readonly string[] NotYetAtRunTime = Array.Empty<string>();

    private static (LossKinds Model, Dictionary<string, object> Arguments, Variables Inputs) Setup()
    {
        manual_seed(3);
        var model = new LossKinds();
        var x = bernoulli(full(8, 3, 0.4f));
        var z = randn(8, 2);
        var w = rand(8);
        var arguments = new Dictionary<string, object> { ["x"] = x, ["z"] = z, ["w"] = w, ["beta"] = 0.7, ["k"] = 3, ["width"] = 3 };
        return (model, arguments, new Variables { ["x"] = x, ["z"] = z, ["w"] = w, ["beta"] = tensor(0.7), ["k"] = tensor(3L), ["width"] = tensor(3L) });
    }

    [Test]
    public void Every_formula_the_builder_takes_equals_its_generated_body_on_the_same_seed()
    {
        var (model, arguments, inputs) = Setup();
        var refused = new List<string>();
        var compared = 0;
        foreach (var method in typeof(LossKinds).GetMethods().Where(m => m.GetCustomAttribute<LossAttribute>() is not null))
        {
            var formula = method.GetCustomAttribute<LossAttribute>()!.Formula;
            Loss parsed;
            try { parsed = Loss.Parse(formula, model); }
            catch (NotSupportedException) { refused.Add(method.Name); continue; }
            catch (DslException e) { Assert.Fail($"{method.Name}: {e}"); return; }
            var values = method.GetParameters().Select(p => Convert.ChangeType(arguments[p.Name!], p.ParameterType, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Agreement.OnSameSeed(() => (Tensor)method.Invoke(model, values)!, () => parsed.Eval(inputs), seed: 99);
            compared++;
        }
        Assert.That(refused, Is.EquivalentTo(NotYetAtRunTime), "what is refused at run time");
        Assert.That(compared, Is.GreaterThanOrEqualTo(18));
    }

    [Test]
    public void A_formula_over_distributions_given_by_signature_equals_the_generated_body()
    {
        var (model, arguments, inputs) = Setup();
        var parsed = Loss.Parse("mean(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])", new Distribution[] { model.Q, model.P, model.Pz });
        Agreement.OnSameSeed(() => model.BetaVae((Tensor)arguments["x"], 0.7), () => parsed.Eval(inputs), seed: 5);
        Assert.That(parsed.ToString(), Is.EqualTo("mean(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])"));
    }

    [Test]
    public void A_draw_count_named_in_the_formula_is_read_from_the_inputs_at_each_evaluation()
    {
        var (model, arguments, inputs) = Setup();
        var parsed = Loss.Parse("mean(E_q(z|x)^k[log p(x|z)])", model);
        Assert.That(parsed.ToString(), Is.EqualTo("mean(E_q(z|x)^k[log p(x|z)])"));
        Assert.That(parsed.InputVar, Does.Contain("k"));
        foreach (var k in new[] { 1L, 5L })
            Agreement.OnSameSeed(() => model.CountedReconstruction((Tensor)arguments["x"], (int)k), () => parsed.Eval(inputs.With("k", tensor(k))), seed: 11);
        Assert.Throws<ArgumentOutOfRangeException>(() => parsed.Eval(inputs.With("k", tensor(0L))));
        var iwae = Loss.Parse("mean(IWAE_k(p(x,z) || q(z|x)))", model);
        Assert.That(iwae.ToString(), Is.EqualTo("mean(IWAE_k(p(x,z) || q(z|x)))"));
        Assert.That(iwae.ToLatex(), Is.EqualTo(LossKinds.CountedImportanceWeightedLatex), "the LaTeX the generator prints for the same formula");
    }

    [Test]
    public void A_formula_is_parsed_once_per_model()
    {
        var (model, _, _) = Setup();
        var first = Loss.Parse("mean(KL(q(z|x) || p(z)))", model);
        var second = Loss.Parse("mean(KL(q(z|x) || p(z)))", model);
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void A_distribution_that_does_not_match_its_member_is_the_analyzers_diagnostic_at_its_span()
    {
        var (model, _, _) = Setup();
        const string formula = "mean(KL(q(z|y) || p(z)))";
        var error = Assert.Throws<DslException>(() => Loss.Parse(formula, model))!;
        Assert.That(error.Id, Is.EqualTo("PXY0202"));
        Assert.That(formula.Substring(error.Start, error.Length), Is.EqualTo("q(z|y)"));
        Assert.That(error.Message, Does.StartWith("PXY0202: ").And.Contains("q(z|y)"));
        Assert.That(error.ToString(), Does.EndWith("\n  " + formula + "\n" + new string(' ', 2 + error.Start) + new string('^', error.Length)));
    }

    [Test]
    public void A_syntax_error_is_the_parsers_diagnostic()
    {
        var (model, _, _) = Setup();
        var error = Assert.Throws<DslException>(() => Loss.Parse("mean(KL(q(z|x) || p(z))", model))!;
        Assert.That(error.Id, Does.StartWith("PXY00"));
        Assert.That(error.Start, Is.InRange(0, "mean(KL(q(z|x) || p(z))".Length));
    }

    [Test]
    public void Both_sides_of_an_adversarial_formula_equal_the_generated_objectives_and_train_nothing_by_themselves()
    {
        manual_seed(40);
        using var gan = new FormulaGan();
        var x = randn(64, 2);
        var generator = Loss.Parse("ADV_JS[d(t|x)](g(x|w) || p(w))", gan);
        var discriminator = Loss.Parse("ADV_JS_D[d(t|x)](g(x|w) || p(w))", gan);
        Assert.That(generator.ToString(), Is.EqualTo("ADV_JS[d(t|x)](g(x|w) || p(w))"));
        Assert.That(discriminator.ToString(), Is.EqualTo("ADV_JS_D[d(t|x)](g(x|w) || p(w))"));
        var inputs = new Variables { ["x"] = x };
        Agreement.OnSameSeed(() => gan.GeneratorLoss(x), () => generator.Eval(inputs), seed: 41);
        Agreement.OnSameSeed(() => gan.DiscriminatorLoss(x), () => discriminator.Eval(inputs), seed: 42);
        // The discriminator's objective carries its gradient; neither side steps anything on its own in a trainer.
        discriminator.Eval(inputs).backward();
        Assert.That(gan.D.parameters().All(p => p.grad is not null), Is.True);
        Assert.That(generator.Train(inputs), Is.EqualTo(0));
        Assert.That(discriminator.Distributions, Is.EqualTo(new Distribution[] { gan.D }));
    }

    [Test]
    public void An_iteration_over_a_series_equals_the_generated_unrolled_body()
    {
        manual_seed(7);
        using var model = new SequenceModel();
        var series = randn(5, 3, 2, dtype: ScalarType.Float64);
        var initial = randn(3, 2, dtype: ScalarType.Float64);
        var parsed = Loss.Parse("iterate(x | h = h_prev)[E_d(h|x,h_prev)[-log p(x|h_prev)]]", model);
        Assert.That(parsed.ToString(), Is.EqualTo("iterate(x | h = h_prev)[E_d(h|x,h_prev)[-log p(x|h_prev)]]"));
        Agreement.OnSameSeed(() => model.NegativeLogLikelihood(series, initial), () => parsed.Eval(new Variables { ["x"] = series, ["h_prev"] = initial }), seed: 9);
    }

    [Test]
    public void A_kernel_width_named_in_the_formula_is_read_at_each_evaluation_and_printed_by_name()
    {
        var (model, _, inputs) = Setup();
        var parsed = Loss.Parse("MMD_imq(q(z|x) || p(z), sigma2 = width)", model);
        Assert.That(parsed.ToString(), Is.EqualTo("MMD_imq(q(z|x) || p(z), sigma2 = width)"));
        Assert.That(parsed.InputVar, Does.Contain("width"));
        manual_seed(5);
        var narrow = parsed.Eval(inputs.With("width", tensor(0.5))).item<float>();
        manual_seed(5);
        var wide = parsed.Eval(inputs.With("width", tensor(50.0))).item<float>();
        Assert.That(narrow, Is.Not.EqualTo(wide), "the width changes between calls");
        Assert.Throws<ArgumentOutOfRangeException>(() => parsed.Eval(inputs.With("width", tensor(-1.0))));
    }

    [Test]
    public void A_temperature_set_in_the_formula_holds_for_the_evaluation_and_is_restored()
    {
        manual_seed(2);
        using var model = new AnnealedLabels();
        var x = randn(6, 3);
        var parsed = Loss.Parse("mean(E_q(y|x, temperature = tau)[log p(x|y)])", model);
        Assert.That(parsed.InputVar, Does.Contain("tau"));
        Agreement.OnSameSeed(() => model.Reconstruction(x, 0.3), () => parsed.Eval(new Variables { ["x"] = x, ["tau"] = tensor(0.3) }), seed: 8);
        Assert.That(model.Q.Temperature, Is.EqualTo(1.0), "restored after the call");
        Assert.Throws<ArgumentOutOfRangeException>(() => parsed.Eval(new Variables { ["x"] = x, ["tau"] = tensor(0.0) }));
        Assert.That(model.Q.Temperature, Is.EqualTo(1.0), "restored after a refused call too");
    }
}
