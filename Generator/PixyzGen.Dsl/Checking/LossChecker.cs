using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// Rules of a loss formula against the model's members and the loss method's parameters: known distributions
/// (PXY0201/0202), bound variables (PXY0203), KL over the same variables (PXY0204) and whether it has a closed form
/// (PXY0205, informational), every parameter used (PXY0206), densities where terms score (PXY0207) and draws only
/// from distributions that can draw (PXY0211).
/// </summary>
public static class LossChecker
{
    /// <summary>Checks a formula whose parameters are given by name only: each may be a variable or a hyper-parameter.</summary>
    public static EquatableArray<DslError> Check(LossNode loss, IReadOnlyList<MemberSignature> members, IReadOnlyList<string> parameters, string lossName) =>
        Check(loss, members, parameters.Select(p => new LossParameterShape(p, LossShapeRules.Tensor)).ToList(), lossName);

    /// <summary>
    /// Checks a formula against the method's parameters: a scalar hyper-parameter (<c>double beta</c>) cannot be a
    /// distribution's variable (PXY0304 at the variable); a parameter of any other type counts as bound, since its
    /// type is already PXY0304.
    /// </summary>
    public static EquatableArray<DslError> Check(LossNode loss, IReadOnlyList<MemberSignature> members, IReadOnlyList<LossParameterShape> parameters, string lossName)
    {
        var errors = new List<DslError>();
        var used = new HashSet<string>();
        var scalars = new HashSet<string>(parameters.Where(LossShapeRules.IsHyperParameter).Select(p => p.Name));
        var counts = new HashSet<string>(parameters.Where(LossShapeRules.IsCount).Select(p => p.Name));
        var context = new Context(members, errors, used, scalars, counts, lossName);
        Visit(loss, new HashSet<string>(parameters.Select(p => p.Name)), context);
        foreach (var parameter in parameters.Select(p => p.Name).Where(p => !used.Contains(p)))
            errors.Add(DslError.Create(DiagnosticIds.UnusedLossParameter, loss.Range, parameter, lossName));
        return errors.ToEquatableArray();
    }

    private sealed record Context(IReadOnlyList<MemberSignature> Members, List<DslError> Errors, HashSet<string> Used, HashSet<string> Scalars, HashSet<string> Counts, string LossName)
    {
        /// <summary>The temperature each relaxed member is set to in this loss, as written (one per member and call).</summary>
        public Dictionary<string, string> Temperatures { get; } = new();
    }

    private static void Visit(LossNode node, IReadOnlyCollection<string> bound, Context context)
    {
        var (members, errors, used) = (context.Members, context.Errors, context.Used);
        switch (node)
        {
            case NumberNode:
                break;
            case HyperParameterNode hyper:
                used.Add(hyper.Name);
                if (!bound.Contains(hyper.Name))
                    errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, hyper.Range, hyper.Name, "the formula", NeitherParameterNorDrawn));
                break;
            case NegateNode negate:
                Visit(negate.Operand, bound, context);
                break;
            case ChainNode chain:
                foreach (var operand in chain.Children) Visit(operand, bound, context);
                break;
            case ReduceNode reduce:
                Visit(reduce.Operand, bound, context);
                break;
            case LogProbNode log:
                RequireDensity(CheckTerm(context, log.Distribution, bound, includeVars: true, "log"), log.Distribution, "log", errors);
                break;
            case EntropyNode entropy:
            {
                var entropyOf = CheckTerm(context, entropy.Distribution, bound, includeVars: false, "H");
                RequireDensity(entropyOf, entropy.Distribution, "H", errors);
                RequireDraw(entropyOf, entropy.Distribution, "H", errors);   // a custom density has no closed-form entropy: estimated from draws
                break;
            }
            case KlNode kl:
                var left = CheckTerm(context, kl.Left, bound, includeVars: false, "KL");
                var right = CheckTerm(context, kl.Right, bound, includeVars: false, "KL");
                RequireDensity(left, kl.Left, "KL", errors);
                RequireDensity(right, kl.Right, "KL", errors);
                RequireDraw(left, kl.Left, "KL", errors);   // a custom density has no closed form: the estimate draws from the left
                if (!new HashSet<string>(kl.Left.VarNames).SetEquals(kl.Right.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.KlOverDifferentVariables, kl.Range, ReservedWords.Kl, kl.Left.Text, kl.Right.Text,
                        string.Join(",", kl.Left.VarNames), string.Join(",", kl.Right.VarNames)));
                else if (left is { Count: > 0 } && right is { Count: > 0 } && !HasClosedFormKl(left, right))
                    errors.Add(DslError.Create(DiagnosticIds.MonteCarloKl, kl.Range, $"{kl.Left.Text} ({FamilyText(left)})", $"{kl.Right.Text} ({FamilyText(right)})"));
                break;
            case AdversarialNode adversarial:
            {
                var discriminator = CheckReference(context, adversarial.Discriminator, bound, includeVars: false);
                if (discriminator is not null && discriminator.Family != GeneratedFamilies.Deterministic)
                    errors.Add(DslError.Create(DiagnosticIds.DiscriminatorNotDeterministic, adversarial.Discriminator.Range, adversarial.Discriminator.Text, adversarial.Wasserstein ? "ADV_W" : "ADV_JS"));
                errors.AddRange(SignatureChecker.Check(adversarial.Generator));
                var generator = MemberResolver.Resolve(adversarial.Generator, members, out var generatorError);
                if (generatorError is not null) errors.Add(generatorError);
                if (generator >= 0) RequireDraw(new[] { members[generator] }, adversarial.Generator, AdversarialName(adversarial), errors);
                RequireDraw(AsFactors(CheckReference(context, adversarial.Prior, bound, includeVars: false)), adversarial.Prior, AdversarialName(adversarial), errors);
                if (!new HashSet<string>(adversarial.Generator.CondVarNames).SetEquals(adversarial.Prior.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.TermJointMismatch, adversarial.Generator.Range, adversarial.Generator.Text, AdversarialName(adversarial), $"the generator must be conditioned on exactly what {adversarial.Prior.Text} draws"));
                if (!new HashSet<string>(adversarial.Discriminator.CondVarNames).SetEquals(adversarial.Generator.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.DiscriminatorReadsOtherVariables, adversarial.Range, adversarial.Discriminator.Text, AdversarialName(adversarial),
                        string.Join(",", adversarial.Discriminator.CondVarNames), adversarial.Generator.Text, string.Join(",", adversarial.Generator.VarNames)));
                foreach (var data in adversarial.Generator.Vars) RequireBound(context, data, bound, "the data of the adversarial term");
                break;
            }
            case IterateNode iterate:
                foreach (var variable in iterate.Series.Concat(iterate.Carries.Select(c => c.To))) RequireBound(context, variable, bound, "iterate(...)");
                Visit(iterate.Step, bound, context);
                // The carried state is a draw of this step: draws inside a nested iterate(...) belong to its own steps.
                var drawn = new HashSet<string>(MemberChecker.Expectations(iterate.Step, intoIterations: false).SelectMany(d => d.VarNames));
                foreach (var carry in iterate.Carries.Where(c => !drawn.Contains(c.From.Name)))
                    errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, carry.From.Range, carry.From.Name, $"the carried state {carry.From.Name} = {carry.To.Name}", NotDrawnByTheStep));
                break;
            case MmdNode mmd:
                var mmdName = mmd.InverseMultiquadric ? ReservedWords.MmdInverseMultiquadric : ReservedWords.Mmd;
                RequireDraw(AsFactors(CheckReference(context, mmd.Left, bound, includeVars: false)), mmd.Left, mmdName, errors);
                RequireDraw(AsFactors(CheckReference(context, mmd.Right, bound, includeVars: false)), mmd.Right, mmdName, errors);
                if (mmd.KernelWidth is HyperParameterNode width)
                    RequireSetting(context, width, bound, context.Scalars, $"the kernel width of {mmd.Left.Text} || {mmd.Right.Text}", TakesANumber);
                if (!new HashSet<string>(mmd.Left.VarNames).SetEquals(mmd.Right.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.KlOverDifferentVariables, mmd.Range, mmdName, mmd.Left.Text, mmd.Right.Text,
                        string.Join(",", mmd.Left.VarNames), string.Join(",", mmd.Right.VarNames)));
                break;
            case IwaeNode iwae:
                var iwaeName = "IWAE_" + iwae.CountText;
                var proposal = CheckTerm(context, iwae.Proposal, bound, includeVars: false, iwaeName);
                RequireDensity(proposal, iwae.Proposal, "IWAE", errors);
                RequireDraw(proposal, iwae.Proposal, iwaeName, errors);
                if (iwae.CountParameter is { } iwaeCount)
                    RequireSetting(context, iwaeCount, bound, context.Counts, $"the number of importance samples of {iwaeName}", TakesAWholeNumber);
                errors.AddRange(SignatureChecker.Check(iwae.Joint));
                var factors = JointFactors.Resolve(iwae.Joint, members, out var jointError, iwaeName);
                if (jointError is not null) errors.Add(jointError);
                foreach (var factor in factors ?? new int[0]) RequireDensity(members[factor], iwae.Joint, "IWAE", errors);
                var sampled = new HashSet<string>(iwae.Proposal.VarNames);
                foreach (var latent in iwae.Proposal.Vars.Where(v => !iwae.Joint.VarNames.Contains(v.Name)))
                    errors.Add(DslError.Create(DiagnosticIds.TermJointMismatch, latent.Range, iwae.Joint.Text, iwaeName, $"the proposal {iwae.Proposal.Text} draws {latent.Name}, which the joint does not generate"));
                foreach (var variable in iwae.Joint.Vars.Concat(iwae.Joint.CondVars).Where(v => !sampled.Contains(v.Name))) RequireBound(context, variable, bound, iwae.Joint.Text);
                foreach (var variable in iwae.Joint.Vars.Concat(iwae.Joint.CondVars).Where(v => sampled.Contains(v.Name))) used.Add(variable.Name);
                break;
            case ExpectationNode expectation:
                var drawnFrom = CheckTerm(context, expectation.Distribution, bound, includeVars: false, "E_");
                RequireDraw(drawnFrom, expectation.Distribution, "E_" + expectation.Distribution.Text, errors);
                if (expectation.Temperature is { } temperature) CheckTemperature(context, expectation, temperature, drawnFrom, bound);
                if (expectation.SampleCount is { } count)
                    RequireSetting(context, count, bound, context.Counts, $"the number of draws of E_{expectation.Distribution.Text}", TakesAWholeNumber);
                Visit(expectation.Body, new HashSet<string>(bound.Concat(expectation.Distribution.VarNames)), context);
                break;
        }
    }

    /// <summary>
    /// <c>E_q(y|x, temperature = tau)</c>: a positive number or a scalar parameter (PXY0203/PXY0215), every factor drawn a
    /// relaxed family (PXY0212), and one temperature per member in a loss (PXY0213: it is set for the whole call).
    /// </summary>
    private static void CheckTemperature(Context context, ExpectationNode expectation, LossNode temperature, IReadOnlyList<MemberSignature>? factors, IReadOnlyCollection<string> bound)
    {
        var term = $"E_{expectation.Distribution.Text}";
        if (temperature is HyperParameterNode parameter)
            RequireSetting(context, parameter, bound, context.Scalars, $"the temperature of {expectation.Distribution.Text}", TakesANumber);
        var written = temperature is HyperParameterNode named ? named.Name : ((NumberNode)temperature).Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var factor in factors ?? new List<MemberSignature>())
        {
            if (GeneratedFamilies.Find(factor.Family) is not { IsRelaxed: true })
                context.Errors.Add(DslError.Create(DiagnosticIds.TemperatureOfUnrelaxedFamily, temperature.Range, written, term, factor.Signature.Text, factor.Family ?? "family without a temperature"));
            else if (context.Temperatures.TryGetValue(factor.MemberName, out var earlier) && earlier != written)
                context.Errors.Add(DslError.Create(DiagnosticIds.TemperatureSetTwice, temperature.Range, factor.Signature.Text, written, earlier));
            else
                context.Temperatures[factor.MemberName] = written;
        }
    }

    // PXY0203's two reasons: a variable from nowhere, and a carried state the step of iterate(...) does not draw.
    private const string NeitherParameterNorDrawn = "it is neither a parameter of the loss method nor sampled by an enclosing E_";
    private const string NotDrawnByTheStep = "no E_ of the step of iterate(...) draws it (draws inside a nested iterate(...) belong to that one's steps), so there is nothing to carry to the next step";

    private static string AdversarialName(AdversarialNode node) => (node.Wasserstein ? "ADV_W" : "ADV_JS") + (node.DiscriminatorSide ? "_D" : "");

    // What PXY0215 says a setting takes.
    private const string TakesANumber = "a number: a double, float, int or long parameter";
    private const string TakesAWholeNumber = "a whole number: an int or long parameter";

    /// <summary>
    /// A term's setting named by a parameter (MMD's width, E_'s count): used; a parameter of the method (PXY0203
    /// otherwise) of an accepted type (PXY0215, saying what it <paramref name="takes"/>, otherwise).
    /// </summary>
    private static void RequireSetting(Context context, HyperParameterNode setting, IReadOnlyCollection<string> bound, HashSet<string> accepted, string what, string takes)
    {
        context.Used.Add(setting.Name);
        if (!bound.Contains(setting.Name))
            context.Errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, setting.Range, setting.Name, what, NeitherParameterNorDrawn));
        else if (!accepted.Contains(setting.Name))
            context.Errors.Add(DslError.Create(DiagnosticIds.SettingOfWrongType, setting.Range, setting.Name, context.LossName, what, takes));
    }

    /// <summary>A variable must be a Tensor parameter or drawn by an enclosing E_ (PXY0203); a scalar parameter is no variable (PXY0214).</summary>
    private static void RequireBound(Context context, VariableRef variable, IReadOnlyCollection<string> bound, string where)
    {
        context.Used.Add(variable.Name);
        if (!bound.Contains(variable.Name))
            context.Errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, variable.Range, variable.Name, where, NeitherParameterNorDrawn));
        else if (context.Scalars.Contains(variable.Name))
            context.Errors.Add(DslError.Create(DiagnosticIds.ScalarUsedAsVariable, variable.Range, variable.Name, context.LossName, where));
    }

    private static void RequireDensity(MemberSignature? member, DistributionRef reference, string term, List<DslError> errors)
    {
        if (member?.Family == GeneratedFamilies.Deterministic)
            errors.Add(DslError.Create(DiagnosticIds.NoDensity, reference.Range, reference.Text, term));
    }

    // A joint has a density when every factor has one; the first deterministic factor is named.
    private static void RequireDensity(IReadOnlyList<MemberSignature>? factors, DistributionRef reference, string term, List<DslError> errors)
    {
        if (factors?.FirstOrDefault(f => f.Family == GeneratedFamilies.Deterministic) is { } deterministic)
            RequireDensity(deterministic, reference, term, errors);
    }

    /// <summary>A term that draws from a distribution needs every factor to draw: a custom density cannot (PXY0211, naming the first).</summary>
    private static void RequireDraw(IReadOnlyList<MemberSignature>? factors, DistributionRef reference, string term, List<DslError> errors)
    {
        if (factors?.FirstOrDefault(f => GeneratedFamilies.Find(f.Family) is { CanDraw: false }) is { } custom)
            errors.Add(DslError.Create(DiagnosticIds.CannotDraw, reference.Range, custom.Signature.Text, term));
    }

    private static IReadOnlyList<MemberSignature>? AsFactors(MemberSignature? member) => member is null ? null : new[] { member };

    /// <summary>A KL in closed form needs one member on each side whose families have one (a joint is estimated by Monte Carlo).</summary>
    private static bool HasClosedFormKl(IReadOnlyList<MemberSignature> left, IReadOnlyList<MemberSignature> right) =>
        left.Count == 1 && right.Count == 1 && (left[0].Family is not { } l || right[0].Family is not { } r || KlClosedForms.Method(l, r) is not null);

    private static string FamilyText(IReadOnlyList<MemberSignature> factors) =>
        factors.Count == 1 ? factors[0].Family ?? "?" : "a joint of " + string.Join(", ", factors.Select(f => f.Signature.Text));

    /// <summary>
    /// Checks a term's distribution, a member or a joint of members (<see cref="MemberResolver.ResolveTerm"/>), and returns
    /// what it resolves to, if anything.
    /// </summary>
    private static IReadOnlyList<MemberSignature>? CheckTerm(Context context, DistributionRef reference, IReadOnlyCollection<string> bound, bool includeVars, string term)
    {
        var (members, errors) = (context.Members, context.Errors);
        errors.AddRange(SignatureChecker.Check(reference));
        var factors = MemberResolver.ResolveTerm(reference, members, term, out var error);
        if (error is not null) errors.Add(error);
        var needed = includeVars ? reference.Vars.Concat(reference.CondVars) : reference.CondVars;
        foreach (var variable in needed) RequireBound(context, variable, bound, reference.Text);
        return factors?.Select(i => members[i]).ToList();
    }

    /// <summary>Checks a distribution reference and returns the member it resolves to, if any.</summary>
    private static MemberSignature? CheckReference(Context context, DistributionRef reference, IReadOnlyCollection<string> bound, bool includeVars)
    {
        var (members, errors) = (context.Members, context.Errors);
        errors.AddRange(SignatureChecker.Check(reference));
        var index = MemberResolver.Resolve(reference, members, out var error);
        if (error is not null) errors.Add(error);

        var needed = includeVars ? reference.Vars.Concat(reference.CondVars) : reference.CondVars;
        foreach (var variable in needed) RequireBound(context, variable, bound, reference.Text);
        return index >= 0 ? members[index] : null;
    }
}
