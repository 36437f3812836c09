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
        if (!declaration.Type.CanExtend) return null;
        var existing = new ExistingMembers(declaration.Keys.Declared, declaration.Keys.Inherited, declaration.Keys.SourceBases);

        // A type PixyzGen cannot plan for (no [Model], no GenerativeModel, or generic) still gets its [Loss] bodies, throwing
        // the diagnostic, and GenerativeModel's abstract members it lacks, throwing too: it compiles, so the analyzer reports.
        var unsupported = !declaration.HasModelAttribute
            ? null
            : !declaration.DerivesFromModel ? DslError.Create(DiagnosticIds.NotAModel, default, declaration.Type.PlainName)
            : declaration.Type.IsGeneric ? DslError.Create(DiagnosticIds.UnsupportedTarget, default, declaration.Type.PlainName, "generic types (or types nested in generic types) are not supported") : null;
        if (!declaration.HasModelAttribute || unsupported is not null)
        {
            var throwing = declaration.Losses.Select(l => new LossSpec(l, null, unsupported ?? LossShapeRules.Check(l.Shape).First())).ToEquatableArray();
            var overrides = declaration.UnimplementedMembers.Where(m => !existing.DeclaresName(m)).ToEquatableArray();
            if (throwing.Count == 0 && overrides.Count == 0) return null;
            var reason = unsupported is null
                ? $"{declaration.Type.PlainName} has no [Model] attribute, so PixyzGen generates none of its model members"
                : $"[Model] {declaration.Type.PlainName} is invalid: {unsupported.Id}: {unsupported.Message}";
            return new ModelSpec(declaration.Type, "", EquatableArray<MemberSpec>.Empty, null, null, throwing, null, null, existing, IsModel: false,
                overrides, reason, declaration.AcceptedDiagnostics);
        }

        var bound = declaration.Members.Select(BindMember).Where(m => m is not null).Select(m => m!.Value).ToList();
        var members = bound.Select(b => b.Member).ToList();
        var signatures = bound.Select(b => b.Signature).ToList();

        var parsed = DslParser.ParseFactorization(declaration.FactorizationText);
        var (sampling, samplingError) = PlanSampling(parsed, members, signatures);
        // Overloads share a name: a {Name}Latex constant for each would collide, so overloaded losses get none.
        var overloaded = new HashSet<string>(declaration.Losses.GroupBy(l => l.Shape.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        var losses = declaration.Losses.Select(l => PlanLoss(l, members, signatures))
            .Select(l => overloaded.Contains(l.Method.Shape.Name) ? l with { LatexText = null } : l).ToEquatableArray();
        return new ModelSpec(declaration.Type, declaration.FactorizationText ?? "", members.ToEquatableArray(), sampling, samplingError, losses,
            parsed.Value is null ? null : PixyzGen.Dsl.Printing.LatexPrinter.Factorization(parsed.Value),
            parsed.Value is null ? null : PixyzGen.Dsl.Printing.DotPrinter.Factorization(parsed.Value, declaration.Type.PlainName),
            existing, AcceptedDiagnostics: declaration.AcceptedDiagnostics, FailedSampleShape: samplingError is null ? null : JointShape(parsed));
    }

    /// <summary>
    /// The shape a failed factorization's Sample keeps: its joint's, read from the text as written or as repaired
    /// (<c>p_{prior}</c>), so a caller's <c>model.Sample(n).X</c> compiles while the diagnostic says what is wrong.
    /// </summary>
    private static SampleShape? JointShape(ParseResult<Factorization> parsed) =>
        (parsed.Value ?? parsed.Repaired)?.Joint is { } joint && !SignatureChecker.Check(joint).Any() && joint.Vars.Count > 0
            ? new SampleShape(joint.CondVarNames.ToEquatableArray(), joint.VarNames.ToEquatableArray())
            : null;

    /// <summary>Members whose type declares a valid single-variable signature over a known family; others are left to the analyzers.</summary>
    private static (MemberSpec Member, MemberSignature Signature)? BindMember(ModelMember member)
    {
        if (!member.Generated || GeneratedFamilies.Find(member.Family) is not { } family) return null;
        var parsed = DslParser.ParseDistribution(member.SignatureText);
        if (parsed.Value is not { } signature || SignatureChecker.Check(signature).Any() || signature.Vars.Count != 1) return null;
        var spec = new MemberSpec(member.Name, signature.Text, signature.Vars[0].Name, signature.CondVarNames.ToEquatableArray(), family);
        return (spec, new MemberSignature(member.Name, signature, family.Name));
    }

    /// <summary>The sampling plan of a valid factorization, or the first error, which the generated Sample throws.</summary>
    private static (SamplingPlan? Plan, DslError? Error) PlanSampling(ParseResult<Factorization> parsed, List<MemberSpec> members, List<MemberSignature> signatures)
    {
        if (parsed.Value is not { } factorization) return (null, parsed.Errors.FirstOrDefault());
        if (factorization.Factors.Count == 0) return (null, null);   // p(x,z) alone: nothing to sample from
        var analysis = FactorizationChecker.Check(factorization);
        if (analysis.Errors.Count > 0) return (null, analysis.Errors[0]);

        var written = new List<SamplingStep>();
        var hasDensity = true;
        var canDraw = true;
        foreach (var factor in factorization.Factors)
        {
            var resolved = MemberResolver.Resolve(factor, signatures, out var error);
            if (resolved < 0) return (null, error);
            if (factor.Vars.Count != 1) return (null, null);
            var member = members[resolved];
            hasDensity &= !member.Family.IsDeterministic;
            canDraw &= member.Family.CanDraw;
            written.Add(new SamplingStep(member.Variable, member.Name, member.SignatureText, member.CondVars));
        }
        var steps = analysis.SamplingOrder.Select(index => written[index]);
        var joint = factorization.Joint;
        return (new SamplingPlan(steps.ToEquatableArray(), joint.CondVarNames.ToEquatableArray(), joint.VarNames.ToEquatableArray(), analysis.Marginalized.Count > 0, hasDensity, joint.Name, written.ToEquatableArray(), canDraw), null);
    }

    private static LossSpec PlanLoss(LossMethod method, List<MemberSpec> members, List<MemberSignature> signatures)
    {
        var parsed = DslParser.ParseLoss(method.Formula);
        var errors = LossShapeRules.Check(method.Shape).ToList();
        errors.AddRange(parsed.Errors);
        var parameters = method.Shape.Parameters;
        if (parsed.Value is { } loss)
            errors.AddRange(LossChecker.Check(loss, signatures, parameters.ToList(), method.Shape.Name)
                .Where(e => DiagnosticCatalog.Get(e.Id).Severity == DslSeverity.Error));
        if (errors.Count > 0 || parsed.Value is null)
            return new LossSpec(method, null, errors[0]);

        var scalars = parameters.Where(LossShapeRules.IsHyperParameter).ToDictionary(p => p.Name, p => p.Type);
        var plan = new LossPlanner(members, signatures, scalars).Plan(parsed.Value, parameters.Where(LossShapeRules.IsObserved).Select(p => p.Name));
        return new LossSpec(method, plan, null, PixyzGen.Dsl.Printing.LatexPrinter.Loss(parsed.Value));
    }
}
