using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// Rules of a loss formula against the model's members and the loss method's parameters: known distributions
/// (PXY0201/0202), bound variables (PXY0203), KL over the same variables (PXY0204) and whether it has a closed form
/// (PXY0205, informational), every parameter used (PXY0206).
/// </summary>
public static class LossChecker
{
    public static EquatableArray<DslError> Check(LossNode loss, IReadOnlyList<MemberSignature> members, IReadOnlyList<string> parameters, string lossName)
    {
        var errors = new List<DslError>();
        var used = new HashSet<string>();
        Visit(loss, new HashSet<string>(parameters), members, errors, used);
        foreach (var parameter in parameters.Where(p => !used.Contains(p)))
            errors.Add(DslError.Create(DiagnosticIds.UnusedLossParameter, loss.Range, parameter, lossName));
        return errors.ToEquatableArray();
    }

    private static void Visit(LossNode node, IReadOnlyCollection<string> bound, IReadOnlyList<MemberSignature> members, List<DslError> errors, HashSet<string> used)
    {
        switch (node)
        {
            case NumberNode:
                break;
            case HyperParameterNode hyper:
                used.Add(hyper.Name);
                if (!bound.Contains(hyper.Name))
                    errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, hyper.Range, hyper.Name, "the formula"));
                break;
            case NegateNode negate:
                Visit(negate.Operand, bound, members, errors, used);
                break;
            case BinaryNode binary:
                Visit(binary.Left, bound, members, errors, used);
                Visit(binary.Right, bound, members, errors, used);
                break;
            case ReduceNode reduce:
                Visit(reduce.Operand, bound, members, errors, used);
                break;
            case LogProbNode log:
                RequireDensity(CheckReference(log.Distribution, bound, includeVars: true, members, errors, used), log.Distribution, "log", errors);
                break;
            case EntropyNode entropy:
                RequireDensity(CheckReference(entropy.Distribution, bound, includeVars: false, members, errors, used), entropy.Distribution, "H", errors);
                break;
            case KlNode kl:
                var left = CheckReference(kl.Left, bound, includeVars: false, members, errors, used);
                var right = CheckReference(kl.Right, bound, includeVars: false, members, errors, used);
                RequireDensity(left, kl.Left, "KL", errors);
                RequireDensity(right, kl.Right, "KL", errors);
                if (!new HashSet<string>(kl.Left.VarNames).SetEquals(kl.Right.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.KlOverDifferentVariables, kl.Range, kl.Left.Text, kl.Right.Text,
                        string.Join(",", kl.Left.VarNames), string.Join(",", kl.Right.VarNames)));
                else if (left?.Family is { } leftFamily && right?.Family is { } rightFamily && KlClosedForms.Method(leftFamily, rightFamily) is null)
                    errors.Add(DslError.Create(DiagnosticIds.MonteCarloKl, kl.Range, $"{kl.Left.Text} ({leftFamily})", $"{kl.Right.Text} ({rightFamily})"));
                break;
            case AdversarialNode adversarial:
            {
                var discriminator = CheckReference(adversarial.Discriminator, bound, includeVars: false, members, errors, used);
                if (discriminator is not null && discriminator.Family != GeneratedFamilies.Deterministic)
                    errors.Add(DslError.Create(DiagnosticIds.DiscriminatorNotDeterministic, adversarial.Discriminator.Range, adversarial.Discriminator.Text, adversarial.Wasserstein ? "ADV_W" : "ADV_JS"));
                errors.AddRange(SignatureChecker.Check(adversarial.Generator));
                MemberResolver.Resolve(adversarial.Generator, members, out var generatorError);
                if (generatorError is not null) errors.Add(generatorError);
                CheckReference(adversarial.Prior, bound, includeVars: false, members, errors, used);
                if (!new HashSet<string>(adversarial.Generator.CondVarNames).SetEquals(adversarial.Prior.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.JointDiffersFromFactors, adversarial.Generator.Range, adversarial.Generator.Text, $"the generator must be conditioned on exactly what {adversarial.Prior.Text} draws"));
                if (!new HashSet<string>(adversarial.Discriminator.CondVarNames).SetEquals(adversarial.Generator.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.KlOverDifferentVariables, adversarial.Range, adversarial.Discriminator.Text, adversarial.Generator.Text,
                        string.Join(",", adversarial.Discriminator.CondVarNames), string.Join(",", adversarial.Generator.VarNames)));
                foreach (var data in adversarial.Generator.Vars)
                {
                    used.Add(data.Name);
                    if (!bound.Contains(data.Name))
                        errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, data.Range, data.Name, "the data of the adversarial term"));
                }
                break;
            }
            case IterateNode iterate:
                foreach (var variable in iterate.Series.Concat(iterate.Carries.Select(c => c.To)))
                {
                    used.Add(variable.Name);
                    if (!bound.Contains(variable.Name))
                        errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, variable.Range, variable.Name, "iterate(...)"));
                }
                Visit(iterate.Step, bound, members, errors, used);
                var drawn = new HashSet<string>(MemberChecker.Expectations(iterate.Step).SelectMany(d => d.VarNames));
                foreach (var carry in iterate.Carries.Where(c => !drawn.Contains(c.From.Name)))
                    errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, carry.From.Range, carry.From.Name, "the carried state: no E_ of the step draws it"));
                break;
            case MmdNode mmd:
                CheckReference(mmd.Left, bound, includeVars: false, members, errors, used);
                CheckReference(mmd.Right, bound, includeVars: false, members, errors, used);
                if (!new HashSet<string>(mmd.Left.VarNames).SetEquals(mmd.Right.VarNames))
                    errors.Add(DslError.Create(DiagnosticIds.KlOverDifferentVariables, mmd.Range, mmd.Left.Text, mmd.Right.Text,
                        string.Join(",", mmd.Left.VarNames), string.Join(",", mmd.Right.VarNames)));
                break;
            case IwaeNode iwae:
                RequireDensity(CheckReference(iwae.Proposal, bound, includeVars: false, members, errors, used), iwae.Proposal, "IWAE", errors);
                errors.AddRange(SignatureChecker.Check(iwae.Joint));
                var factors = JointFactors.Resolve(iwae.Joint, members, out var jointError);
                if (jointError is not null) errors.Add(jointError);
                foreach (var factor in factors ?? new int[0]) RequireDensity(members[factor], iwae.Joint, "IWAE", errors);
                var sampled = new HashSet<string>(iwae.Proposal.VarNames);
                foreach (var latent in iwae.Proposal.Vars.Where(v => !iwae.Joint.VarNames.Contains(v.Name)))
                    errors.Add(DslError.Create(DiagnosticIds.JointDiffersFromFactors, latent.Range, iwae.Joint.Text, $"the proposal {iwae.Proposal.Text} draws {latent.Name}, which the joint does not generate"));
                foreach (var variable in iwae.Joint.Vars.Concat(iwae.Joint.CondVars))
                {
                    used.Add(variable.Name);
                    if (!sampled.Contains(variable.Name) && !bound.Contains(variable.Name))
                        errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, variable.Range, variable.Name, iwae.Joint.Text));
                }
                break;
            case ExpectationNode expectation:
                CheckReference(expectation.Distribution, bound, includeVars: false, members, errors, used);
                Visit(expectation.Body, new HashSet<string>(bound.Concat(expectation.Distribution.VarNames)), members, errors, used);
                break;
        }
    }

    private static void RequireDensity(MemberSignature? member, DistributionRef reference, string term, List<DslError> errors)
    {
        if (member?.Family == GeneratedFamilies.Deterministic)
            errors.Add(DslError.Create(DiagnosticIds.NoDensity, reference.Range, reference.Text, term));
    }

    /// <summary>Checks a distribution reference and returns the member it resolves to, if any.</summary>
    private static MemberSignature? CheckReference(DistributionRef reference, IReadOnlyCollection<string> bound, bool includeVars, IReadOnlyList<MemberSignature> members, List<DslError> errors, HashSet<string> used)
    {
        errors.AddRange(SignatureChecker.Check(reference));
        var index = MemberResolver.Resolve(reference, members, out var error);
        if (error is not null) errors.Add(error);

        var needed = includeVars ? reference.Vars.Concat(reference.CondVars) : reference.CondVars;
        foreach (var variable in needed)
        {
            used.Add(variable.Name);
            if (!bound.Contains(variable.Name))
                errors.Add(DslError.Create(DiagnosticIds.UnboundVariable, variable.Range, variable.Name, reference.Text));
        }
        return index >= 0 ? members[index] : null;
    }
}
