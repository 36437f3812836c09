using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen;

/// <summary>
/// A formula of the DSL read at run time: parsed and checked by the same parser and checker the analyzers use
/// (PixyzGen.Dsl), then built from the dynamic API's losses, whose values equal the generated bodies' on the same seed.
/// Names in the formula resolve to the given distributions by signature, joints to the product of their factors, as
/// in a [Model]. Every construct of the DSL is built; a node kind added to the DSL before this builder learns it is
/// refused by name.
/// </summary>
internal sealed class RuntimeFormula
{
    private readonly IReadOnlyList<MemberSignature> signatures;
    private readonly IReadOnlyList<Distribution> distributions;
    private readonly string formula;

    private RuntimeFormula(string formula, IReadOnlyList<(string Name, Distribution Distribution)> members)
    {
        this.formula = formula;
        distributions = members.Select(m => m.Distribution).ToList();
        signatures = members.Select(m => new MemberSignature(m.Name, Signature(m.Distribution), Family(m.Distribution))).ToList();
    }

    public static Loss Build(string formula, IReadOnlyList<(string Name, Distribution Distribution)> members)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return new RuntimeFormula(formula, members).Build();
    }

    private Loss Build()
    {
        var parsed = DslParser.ParseLoss(formula);
        if (parsed.Errors.FirstOrDefault() is { } syntax) throw Error(syntax);
        var loss = parsed.Value!;
        // The values the formula reads are given at evaluation: every variable as a Tensor, every scalar name as a number.
        // Draw counts (E_q^k, IWAE_k) are whole numbers, other scalars (beta, a kernel width) real ones.
        var nodes = MemberChecker.Descendants(loss, _ => true).ToList();
        var counts = nodes.OfType<ExpectationNode>().Select(e => e.SampleCount?.Name).Concat(nodes.OfType<IwaeNode>().Select(i => i.CountParameter?.Name))
            .OfType<string>().Distinct().ToList();
        var scalars = nodes.OfType<HyperParameterNode>().Select(h => h.Name).Concat(counts).Distinct().ToList();
        var variables = MemberChecker.References(loss).SelectMany(r => r.VarNames.Concat(r.CondVarNames)).Distinct().Where(v => !scalars.Contains(v));
        var parameters = variables.Select(v => new LossParameterShape(v, LossShapeRules.Tensor))
            .Concat(scalars.Select(s => new LossParameterShape(s, counts.Contains(s) ? "long" : "double"))).ToList();
        var errors = LossChecker.Check(loss, signatures, parameters, "the formula")
            .Where(e => DiagnosticCatalog.Get(e.Id).Severity == DslSeverity.Error && e.Id != DiagnosticIds.UnusedLossParameter);
        if (errors.FirstOrDefault() is { } error) throw Error(error);
        return new FormulaLoss(Term(loss), Temperatures(loss));
    }

    /// <summary>Temperatures set by <c>E_q(y|x, temperature = tau)</c> anywhere in the formula: for the whole evaluation, once per member, as the generated body sets them.</summary>
    private IReadOnlyList<FormulaTemperature> Temperatures(LossNode loss)
    {
        var set = new List<FormulaTemperature>();
        var seen = new HashSet<int>();
        foreach (var expectation in MemberChecker.Descendants(loss, _ => true).OfType<ExpectationNode>())
        {
            if (expectation.Temperature is not { } temperature) continue;
            foreach (var index in Factors(expectation.Distribution).Where(seen.Add))
            {
                if (distributions[index] is not ITempered member) continue;   // the checker has refused temperatures on other families (PXY0212)
                set.Add(temperature switch
                {
                    NumberNode number => new FormulaTemperature(member, number.Value, null),
                    HyperParameterNode name => new FormulaTemperature(member, null, name.Name),
                    _ => throw new NotSupportedException($"'{Text(temperature.Range)}': a temperature is a number or a name."),
                });
            }
        }
        return set;
    }

    private Loss Term(LossNode node) => node switch
    {
        NumberNode number => new ValueLoss(number.Value),
        HyperParameterNode hyper => new Parameter(hyper.Name),
        NegateNode negate => -Term(negate.Operand),
        ChainNode chain => chain.Links.Aggregate(Term(chain.First), (left, link) => link.Operator switch
        {
            BinaryOperator.Add => left + Term(link.Operand),
            BinaryOperator.Subtract => left - Term(link.Operand),
            BinaryOperator.Multiply => left * Term(link.Operand),
            _ => left / Term(link.Operand),
        }),
        ReduceNode { Kind: Reduction.Mean } mean => Term(mean.Operand).Mean(),
        ReduceNode sum => Term(sum.Operand).Sum(),
        LogProbNode log => Resolve(log.Distribution).LogProbLoss(),
        KlNode kl => new KullbackLeibler(Resolve(kl.Left), Resolve(kl.Right)),
        EntropyNode entropy => Entropy(entropy.Distribution),
        ExpectationNode expectation => expectation.SampleCount is { } count
            ? new Expectation(Resolve(expectation.Distribution), Term(expectation.Body), count.Name)
            : new Expectation(Resolve(expectation.Distribution), Term(expectation.Body), expectation.Samples),
        IwaeNode iwae => iwae.CountParameter is { } k ? new IWAE(Resolve(iwae.Joint), Resolve(iwae.Proposal), k.Name) : new IWAE(Resolve(iwae.Joint), Resolve(iwae.Proposal), iwae.K),
        MmdNode { KernelWidth: null or NumberNode or HyperParameterNode } mmd => mmd.KernelWidth switch
        {
            NumberNode width => new MMD(Resolve(mmd.Left), Resolve(mmd.Right), Kernel(mmd), width.Value),
            HyperParameterNode width => new MMD(Resolve(mmd.Left), Resolve(mmd.Right), Kernel(mmd), width.Name),
            _ => new MMD(Resolve(mmd.Left), Resolve(mmd.Right), Kernel(mmd)),
        },
        AdversarialNode adversarial => Adversarial(adversarial),
        IterateNode iterate => new IterativeLoss(Term(iterate.Step), iterate.Series.Select(v => v.Name).ToList(),
            iterate.Carries.ToDictionary(c => c.From.Name, c => c.To.Name)),
        _ => throw new NotSupportedException(
            $"'{Text(node.Range)}' cannot be parsed at run time yet: a run-time formula builds log, KL, E_ (and E_^k), H, IWAE_k, "
            + "MMD, temperatures, iterate, the adversarial terms, numbers, named scalars and counts, mean and sum; write this term in a [Loss] or with the dynamic API's classes."),
    };

    /// <summary>
    /// An adversarial term over the data (the generator's variables, observed), the generator marginalized over its
    /// prior's draws, and the discriminator; printed as written.
    /// </summary>
    private Loss Adversarial(AdversarialNode node)
    {
        var generator = Resolve(node.Generator);
        var prior = Resolve(node.Prior);
        var discriminator = Resolve(node.Discriminator);
        var fake = (generator * prior).MarginalizeVar(prior.Var.ToArray());
        var data = new DataDistribution(generator.Var);
        AdversarialJSDivergence divergence = node.Wasserstein
            ? new AdversarialWassersteinDistance(data, fake, discriminator)
            : new AdversarialJSDivergence(data, fake, discriminator);
        var name = (node.Wasserstein ? "ADV_W" : "ADV_JS") + (node.DiscriminatorSide ? "_D" : "");
        return new FormulaAdversarial(divergence, node.DiscriminatorSide, $"{name}[{node.Discriminator.Text}]({node.Generator.Text} || {node.Prior.Text})");
    }

    private static MmdKernel Kernel(MmdNode mmd) => mmd.InverseMultiquadric ? MmdKernel.InverseMultiquadratic : MmdKernel.Gaussian;

    /// <summary>The distribution a reference names: a given one by signature, or a joint as the product of its factors in the order given.</summary>
    private Distribution Resolve(DistributionRef reference) => Factors(reference).Select(i => distributions[i]).Aggregate((a, b) => a * b);

    /// <summary>The given distributions a reference names: one by signature, or a joint's factors in the order given.</summary>
    private IReadOnlyList<int> Factors(DistributionRef reference)
    {
        var index = MemberResolver.Resolve(reference, signatures, out _);
        if (index >= 0) return new[] { index };
        return JointFactors.Resolve(reference, signatures, out var error, "the joint")
            ?? throw Error(error ?? DslError.Create(DiagnosticIds.UnknownDistribution, reference.Range, reference.Text, ""));
    }

    /// <summary>
    /// H[q] as the generated body computes it: the sum of the factors' closed forms when every factor's family has one and
    /// none conditions on a variable the joint draws; otherwise -log q at one draw.
    /// </summary>
    private Loss Entropy(DistributionRef reference)
    {
        var factors = Factors(reference);
        var drawn = new HashSet<string>(factors.SelectMany(i => distributions[i].Var));
        var closedForm = factors.All(i => GeneratedFamilies.Find(signatures[i].Family)?.HasEntropy == true && !distributions[i].CondVar.Any(drawn.Contains));
        return closedForm
            ? factors.Select(i => (Loss)new Entropy(distributions[i])).Aggregate((a, b) => a + b)
            : new Entropy(Resolve(reference), analytic: false);
    }

    private DslException Error(DslError error) => new(error.Id, error.Message, formula, error.Range.Start, error.Range.Length);

    private string Text(PixyzGen.Dsl.Text.TextRange range) =>
        range.Start >= 0 && range.End <= formula.Length ? formula.Substring(range.Start, range.Length) : formula;

    private static DistributionRef Signature(Distribution distribution) =>
        DslParser.ParseDistribution(distribution.ProbText).Value
        ?? throw new ArgumentException($"{distribution.ProbText} is not a signature the DSL reads, so a formula cannot name it.");

    /// <summary>The Runtime family the distribution is (Normal, Bernoulli, ...), as the checker knows families.</summary>
    private static string? Family(Distribution distribution)
    {
        for (var type = distribution.GetType(); type is not null; type = type.BaseType)
            if (type.Assembly == typeof(Distribution).Assembly && GeneratedFamilies.Contains(type.Name)) return type.Name;
        return null;
    }
}
