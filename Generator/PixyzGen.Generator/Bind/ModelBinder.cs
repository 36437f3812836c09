using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Bind;

/// <summary>Parses and checks a model's factorization and losses against its members, and plans the generated code.</summary>
internal static class ModelBinder
{
    public static ModelSpec? Bind(ModelDeclaration declaration)
    {
        if (!declaration.Type.IsPartial || declaration.Type.IsGeneric) return null;

        var bound = declaration.Members.Select(BindMember).Where(m => m is not null).Select(m => m!.Value).ToList();
        var members = bound.Select(b => b.Member).ToList();
        var signatures = bound.Select(b => b.Signature).ToList();

        var (sampling, samplingError) = PlanSampling(declaration.FactorizationText, members, signatures);
        var losses = declaration.Losses
            .Where(l => l.IsPartialDefinition && !l.IsGeneric)
            .Select(l => PlanLoss(l, members, signatures))
            .ToEquatableArray();
        var parsed = DslParser.ParseFactorization(declaration.FactorizationText).Value;
        return new ModelSpec(declaration.Type, declaration.FactorizationText, members.ToEquatableArray(), sampling, samplingError, losses,
            parsed is null ? null : PixyzGen.Dsl.Printing.LatexPrinter.Factorization(parsed),
            parsed is null ? null : PixyzGen.Dsl.Printing.DotPrinter.Factorization(parsed, declaration.Type.Name));
    }

    /// <summary>Members whose type declares a valid single-variable signature over a known family; others are left to the analyzers.</summary>
    private static (MemberSpec Member, MemberSignature Signature)? BindMember(ModelMember member)
    {
        if (Families.Find(member.Family) is not { } family) return null;
        var parsed = DslParser.ParseDistribution(member.SignatureText);
        if (parsed.Value is not { } signature || SignatureChecker.Check(signature).Any() || signature.Vars.Count != 1) return null;
        var spec = new MemberSpec(member.Name, signature.Text, signature.Vars[0].Name, signature.CondVarNames.ToEquatableArray(), family);
        return (spec, new MemberSignature(member.Name, signature, family.Name));
    }

    /// <summary>The sampling plan of a valid factorization, or the first error ("PXYnnnn: message") that the generated Sample throws.</summary>
    private static (SamplingPlan? Plan, string? Error) PlanSampling(string text, List<MemberSpec> members, List<MemberSignature> signatures)
    {
        var parsed = DslParser.ParseFactorization(text);
        if (parsed.Value is not { } factorization) return (null, Describe(parsed.Errors.FirstOrDefault()));
        if (factorization.Factors.Count == 0) return (null, null);   // p(x,z) alone: nothing to sample from
        var analysis = FactorizationChecker.Check(factorization);
        if (analysis.Errors.Count > 0) return (null, Describe(analysis.Errors[0]));

        var steps = new List<SamplingStep>();
        var hasDensity = true;
        foreach (var index in analysis.SamplingOrder)
        {
            var factor = factorization.Factors[index];
            var resolved = MemberResolver.Resolve(factor, signatures, out var error);
            if (resolved < 0) return (null, Describe(error));
            if (factor.Vars.Count != 1) return (null, null);
            var member = members[resolved];
            hasDensity &= !member.Family.IsDeterministic;
            steps.Add(new SamplingStep(member.Variable, member.Name, member.SignatureText, member.CondVars));
        }
        var joint = factorization.Joint;
        return (new SamplingPlan(steps.ToEquatableArray(), joint.CondVarNames.ToEquatableArray(), joint.VarNames.ToEquatableArray(), analysis.Marginalized.Count > 0, hasDensity), null);
    }

    private static string? Describe(DslError? error) => error is null ? null : $"{error.Id}: {error.Message}";

    private static LossSpec PlanLoss(LossMethod method, List<MemberSpec> members, List<MemberSignature> signatures)
    {
        var parsed = DslParser.ParseLoss(method.Formula);
        var errors = parsed.Errors.ToList();
        if (parsed.Value is { } loss)
            errors.AddRange(LossChecker.Check(loss, signatures, method.Parameters.Select(p => p.Name).ToList(), method.Name)
                .Where(e => DiagnosticCatalog.Get(e.Id).Severity == DslSeverity.Error));
        if (method.IsStatic || method.ReturnType != KnownNames.Tensor)
            errors.Add(DslError.Create(DiagnosticIds.BadLossSignature, default, method.Name, method.IsStatic ? "it must not be static" : $"it returns {method.ReturnType}"));

        if (errors.Count > 0 || parsed.Value is null)
        {
            var first = errors[0];
            return new LossSpec(method, EquatableArray<PlannedStatement>.Empty, "", $"{first.Id}: {first.Message}");
        }

        var planner = new LossPlanner(members, signatures, method.Parameters.Select(p => p.Name));
        var result = planner.Plan(parsed.Value, method.Parameters.Where(p => p.Type == KnownNames.Tensor).ToDictionary(p => p.Name, p => p.Name));
        return new LossSpec(method, planner.Statements.ToEquatableArray(), result, null, PixyzGen.Dsl.Printing.LatexPrinter.Loss(parsed.Value));
    }
}
