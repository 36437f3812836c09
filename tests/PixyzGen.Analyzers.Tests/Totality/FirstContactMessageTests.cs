using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// The mistakes a new user makes first, built for real (generator, csc, analyzers) with a program that uses the model:
/// each is exactly one diagnostic, with its whole text, at the span of the mistake, and the user's own code still
/// compiles around it.
/// </summary>
public class FirstContactMessageTests
{
    private const string Members = "public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();";

    private static string Program(string factorization = "p(x,z) = p(x|z) p(z)", string loss = "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])",
        string prior = "p(z)", string parameters = "Tensor x", string call = "model.Loss(x)") => Sources.Usings + Sources.Encoder + Sources.Decoder + $$"""
        [Distribution("{{prior}}")] public sealed partial class Pri() : Normal(0, 1, features: [2]);
        [Model("{{factorization}}")]
        public sealed partial class Vae : GenerativeModel
        {
            {{Members}}
            [Loss("{{loss}}")] public partial Tensor Loss({{parameters}});
        }
        public static class Use
        {
            // A user's own calls of the generated members: they must keep compiling whatever the strings say.
            public static Tensor Run(Vae model, Tensor x) => {{call}} + model.P.Mean(model.Pz.Sample(3)).sum();
        }
        """;

    // The one diagnostic a build reports: its ID, its text, and the text of the source it underlines.
    private static (string Id, string Message, string Span) Single(string source)
    {
        var build = RealCompilation.Of(source);
        build.AssertGeneratedCodeIsClean();
        Assert.That(build.UserFileDiagnostics, Is.Empty, () => string.Join("\n", build.UserFileDiagnostics));
        var all = build.PixyzDiagnostics.Concat(build.GeneratorDiagnostics).ToList();
        Assert.That(all, Has.Count.EqualTo(1), () => "one mistake, one diagnostic:\n" + string.Join("\n", all));
        var diagnostic = all[0];
        return (diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Test]
    public void A_misspelled_function_names_the_function_meant() =>
        Assert.That(Single(Program(loss: "maen(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")),
            Is.EqualTo(("PXY0005", "Syntax error in loss 'maen(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])': the DSL has no function 'maen'; did you mean mean(...)?", "maen")));

    [Test]
    public void A_function_the_DSL_lacks_lists_the_DSL_s_functions() =>
        Assert.That(Single(Program(loss: "mean(KL(q(z|x) || p(z))) * min(1, step / warmup)", parameters: "Tensor x, double step, double warmup", call: "model.Loss(x, 1, 10)")),
            Is.EqualTo(("PXY0005", "Syntax error in loss 'mean(KL(q(z|x) || p(z))) * min(1, step / warmup)': the DSL has no function 'min'; its functions are "
                + PixyzGen.Dsl.Syntax.DslFunctions.Listing, "min")));

    [Test]
    public void A_distribution_standing_alone_suggests_its_log() =>
        Assert.That(Single(Program(loss: "mean(q(z|x))")),
            Is.EqualTo(("PXY0005", "Syntax error in loss 'mean(q(z|x))': a distribution cannot stand alone in a loss; did you mean log q(...)?", "q")));

    [Test]
    public void A_factor_no_member_declares_is_one_diagnostic_though_it_also_makes_a_cycle() =>
        Assert.That(Single(Program(factorization: "p(x,z) = p(x|z) p(z|x)")),
            Is.EqualTo(("PXY0202", "p(z|x) does not match the declared p(z) of member 'Pz'", "p(z|x)")));

    [Test]
    public void A_LaTeX_subscript_in_a_signature_is_one_diagnostic_and_the_typed_members_stay() =>
        Assert.That(Single(Program(prior: "p_{prior}(z)")),
            Is.EqualTo(("PXY0001", "Syntax error in 'p_{prior}(z)': names are C# identifiers: write p_prior, not p_{prior} (LaTeX output typesets p_prior as p_{prior})", "{")));

    [Test]
    public void A_LaTeX_subscript_in_a_factorization_is_one_diagnostic_and_the_model_s_members_stay() =>
        Assert.That(Single(Program(factorization: "p(x,z) = p(x|z) p_{prior}(z)", call: "model.Loss(x) + model.Sample(3).X")),
            Is.EqualTo(("PXY0001", "Syntax error in 'p(x,z) = p(x|z) p_{prior}(z)': names are C# identifiers: write p_prior, not p_{prior} (LaTeX output typesets p_prior as p_{prior})", "{")));

    [Test]
    public void A_carried_state_the_step_does_not_draw_is_one_sentence()
    {
        var source = Sources.Usings + """
            [Distribution("q(z|x,h_prev)")] public sealed partial class Step : Normal { private NormalParams Forward(Tensor x, Tensor h_prev) => new(x + h_prev, x.exp()); }
            [Distribution("p(x|z)")] public sealed partial class Emit : Normal { private NormalParams Forward(Tensor z) => new(z, z.exp()); }
            [Model("p(x|z) = p(x|z)")]
            public sealed partial class Rnn : GenerativeModel
            {
                public Step Q { get; } = new(); public Emit P { get; } = new();
                [Loss("mean(iterate(x | h = h_prev)[E_q(z|x,h_prev)[-log p(x|z)]])")] public partial Tensor Loss(Tensor x, Tensor h_prev);
            }
            """;
        Assert.That(Single(source), Is.EqualTo(("PXY0203",
            "Variable 'h' of the carried state h = h_prev is unbound: no E_ of the step of iterate(...) draws it (draws inside a nested iterate(...) belong to that one's steps), so there is nothing to carry to the next step", "h")));
    }
}
