using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Plan;

/// <summary>
/// Plans a model's member registration, ancestral sampling, joint log-density and loss bodies. Members are reached as
/// <c>this.@Name</c>; a generated member the user already declared is left out.
/// </summary>
internal static class ModelPlanner
{
    /// <summary>The shape of a failed factorization's Sample when not even its joint reads: a batch size in, one Tensor out.</summary>
    private static readonly SampleShape SingleTensor = new(EquatableArray<string>.Empty, EquatableArray.Create("x"));

    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The file's hint stem and a key unique to it, for <see cref="HintNames"/>.</summary>
    public static OutputStem Output(ModelSpec spec) => new($"{spec.Type.MetadataStem}.{(spec.IsModel ? "Model" : "Losses")}", (spec.IsModel ? "M:" : "L:") + spec.Type.Key);

    /// <summary>A model's own members first, then its losses; a type with only [Loss] methods gets GeneratedModel's missing members, throwing, and its losses.</summary>
    public static TypePlan Plan(ModelSpec spec, LanguageFacts language)
    {
        var members = new List<PlannedMember>();
        if (spec.IsModel) ModelMembers(members, spec, language);
        else ThrowingOverrides(members, spec);
        foreach (var loss in spec.Losses) members.AddRange(LossEmitter.Members(loss, spec.Existing));
        return new TypePlan(spec.Type, Output(spec), spec.AcceptedDiagnostics, members.ToEquatableArray(), spec.Existing.Inherited, spec.Existing.GeneratedBases);
    }

    /// <summary>Everything but the losses.</summary>
    private static void ModelMembers(List<PlannedMember> plan, ModelSpec spec, LanguageFacts language)
    {
        var existing = spec.Existing;
        var factorization = CSharpText.Xml(spec.FactorizationText);
        var constants = new List<(string Name, string Summary, string Value)> { (GeneratedNames.Factorization, $"The factorization <c>{factorization}</c>.", spec.FactorizationText) };
        if (spec.LatexText is { } latex) constants.Add((GeneratedNames.Latex, $"The factorization <c>{factorization}</c> in LaTeX.", latex));
        if (spec.DotText is { } dot) constants.Add((GeneratedNames.Dot, $"The graph of <c>{factorization}</c> in Graphviz DOT (inputs are boxes, marginalized variables dashed).", dot));
        plan.AddRange(constants.Where(c => !existing.DeclaresName(c.Name)).Select(c => PlannedMember.Constant(c.Name, c.Summary, CSharpText.Quote(c.Value))));
        if (!existing.DeclaresName(GeneratedNames.FactorizationText))
            plan.Add(PlannedMember.Override(GeneratedNames.FactorizationText, PlannedMember.InheritDoc, false, "public override", $"string FactorizationText => {CSharpText.Quote(spec.FactorizationText)};"));
        if (!existing.DeclaresName(GeneratedNames.DistributionMembers))
        {
            var w = new SourceWriter();
            w.Line("{").Indent();
            w.Open("get");
            foreach (var member in spec.Members) w.Line($"yield return ({CSharpText.Quote(member.Name)}, this.{CSharpText.Escape(member.Name)});");
            if (spec.Members.Count == 0) w.Line("yield break;");
            w.Close();
            w.Close();
            plan.Add(PlannedMember.Override(GeneratedNames.DistributionMembers, PlannedMember.InheritDoc, true, "protected override", DistributionMembersDeclaration, w.Lines()));
        }

        if (spec.Sampling is { } sampling)
        {
            Joint(plan, spec, sampling, factorization);
            if (sampling.CanDraw) Sample(plan, spec, sampling, factorization, language);
            if (!sampling.Marginalizes && sampling.HasDensity) JointLogProb(plan, spec, sampling, factorization);
        }
        else if (spec.SamplingError is { } error)
        {
            // An invalid factorization still gets Sample, shaped by its joint where the joint reads (the record of a
            // joint draw included), so callers compile and the build shows only our diagnostic.
            var thrown = $"throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"[Model] {spec.Type.PlainName} is invalid: {error.Id}: {error.Message}")})";
            var shape = spec.FailedSampleShape ?? SingleTensor;
            if (SampleSignature.For(spec, shape) is not { } signature) return;
            Record(plan, signature, shape.Outputs, factorization, language);
            plan.Add(PlannedMember.PublicMethod(GeneratedNames.Sample, signature.ParameterTypes, $"Not available: the factorization <c>{factorization}</c> is invalid ({error.Id}).",
                $"{signature.ReturnType} Sample({signature.Parameters}) => {thrown};"));
        }
    }

    private static readonly string DistributionMembersDeclaration =
        $"global::System.Collections.Generic.IEnumerable<(string Name, {RuntimeNames.Distribution}? Member)> {GeneratedNames.DistributionMembers}";

    /// <summary>GenerativeModel's abstract members a type PixyzGen does not model still gets, throwing why, so it compiles.</summary>
    private static void ThrowingOverrides(List<PlannedMember> plan, ModelSpec spec)
    {
        var thrown = $"throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote(spec.Unsupported ?? "")})";
        var summary = PlannedMember.Summary($"Not available: {CSharpText.Xml(spec.Unsupported ?? "")}.");
        foreach (var name in spec.ThrowingOverrides)
            plan.Add(name == GeneratedNames.FactorizationText
                ? PlannedMember.Override(name, summary, true, "public override", $"string FactorizationText => {thrown};")
                : PlannedMember.Override(name, summary, true, "protected override", $"{DistributionMembersDeclaration} => {thrown};"));
    }

    /// <summary>The members' product in the factorization's order (as LogProb sums them), marginalized as written, named as the joint.</summary>
    private static void Joint(List<PlannedMember> plan, ModelSpec spec, SamplingPlan sampling, string factorization)
    {
        if (spec.Existing.DeclaresName(GeneratedNames.BuildJoint)) return;
        var product = string.Join(" * ", sampling.WrittenOrder.Select(s => CSharpText.ThisMember(s.Member)));
        var marginalized = sampling.Steps.Select(s => s.Variable).Where(v => !sampling.Outputs.Contains(v)).ToList();
        var summary = PlannedMember.Summary($"The joint <c>{factorization}</c> over the members (<see cref=\"{RuntimeNames.GenerativeModel}.Joint\"/>).");
        if (sampling.Steps.Count == 1 && marginalized.Count == 0)
        {
            // One factor is the joint itself (renaming it would rename the member).
            plan.Add(PlannedMember.Override(GeneratedNames.BuildJoint, summary, true, "protected override", $"{RuntimeNames.Distribution} BuildJoint() => {product};"));
            return;
        }
        var joint = marginalized.Count == 0 ? product : $"({product}).MarginalizeVar({string.Join(", ", marginalized.Select(CSharpText.Quote))})";
        var w = new SourceWriter();
        w.Line("{").Indent();
        w.Line($"{RuntimeNames.Distribution} joint = {joint};");
        w.Line($"joint.Name = {CSharpText.Quote(sampling.JointName)};");
        w.Line("return joint;");
        w.Close();
        plan.Add(PlannedMember.Override(GeneratedNames.BuildJoint, summary, true, "protected override", $"{RuntimeNames.Distribution} BuildJoint()", w.Lines()));
    }

    private static void Sample(List<PlannedMember> plan, ModelSpec spec, SamplingPlan sampling, string factorization, LanguageFacts language)
    {
        var outputs = sampling.Outputs.ToList();
        var inputs = sampling.Inputs.ToList();
        if (SampleSignature.For(spec, new SampleShape(sampling.Inputs, sampling.Outputs)) is not { } signature) return;
        Record(plan, signature, sampling.Outputs, factorization, language);
        var batch = signature.BatchName ?? $"{CSharpText.Escape(inputs[0])}.shape[0]";
        var order = string.Join(", then ", sampling.Steps.Select(s => $"{s.Variable} ~ {CSharpText.Xml(s.SignatureText)}"));
        var w = new SourceWriter();
        w.Line("{").Indent();
        foreach (var step in sampling.Steps)
        {
            var arguments = step.CondVars.Count == 0 ? batch : string.Join(", ", step.CondVars.Select(CSharpText.Escape));
            w.Line($"{Tensor} {CSharpText.Escape(step.Variable)} = {CSharpText.ThisMember(step.Member)}.Sample({arguments});");
        }
        w.Line(signature.HasRecord ? $"return new {signature.RecordName}({string.Join(", ", outputs.Select(CSharpText.Escape))});" : $"return {CSharpText.Escape(outputs[0])};");
        w.Close();
        plan.Add(PlannedMember.PublicMethod(GeneratedNames.Sample, signature.ParameterTypes, $"Ancestral sampling of <c>{factorization}</c>: {order}.",
            $"{signature.ReturnType} Sample({signature.Parameters})") with { Body = w.Lines() });
    }

    /// <summary>The joint draw's record, when Sample returns several variables.</summary>
    private static void Record(List<PlannedMember> plan, SampleSignature signature, EquatableArray<string> outputs, string factorization, LanguageFacts language)
    {
        if (!signature.HasRecord) return;
        plan.Add(JointDrawRecord.Plan(signature.RecordName, outputs.Select(o => signature.Properties[o]).ToList(), $"One joint draw of <c>{factorization}</c>.", language));
    }

    private static void JointLogProb(List<PlannedMember> plan, ModelSpec spec, SamplingPlan sampling, string factorization)
    {
        var variables = sampling.Outputs.Concat(sampling.Inputs).ToList();
        var types = variables.Select(_ => Tensor).ToArray();
        if (spec.Existing.DeclaresMethod(GeneratedNames.LogProb, types)) return;
        var parameters = variables.Select(v => $"{Tensor} {CSharpText.Escape(v)}");
        var terms = sampling.WrittenOrder.Select(s => $"{CSharpText.ThisMember(s.Member)}.LogProb({string.Join(", ", new[] { s.Variable }.Concat(s.CondVars).Select(CSharpText.Escape))})").ToList();
        var declaration = $"{Tensor} LogProb({string.Join(", ", parameters)})";
        var member = PlannedMember.PublicMethod(GeneratedNames.LogProb, types,
            $"log <c>{factorization}</c>: the sum of its factors' log-densities in the order written, one value per batch element.", declaration);
        plan.Add(Sum(member, terms));
    }

    /// <summary>An expression-bodied member summing the terms, or, past csc's comfortable depth, a body adding them in parts.</summary>
    private static PlannedMember Sum(PlannedMember member, List<string> terms)
    {
        const int perLine = 64;
        if (terms.Count <= perLine) return member with { Declaration = $"{member.Declaration} => {string.Join(" + ", terms)};" };
        var w = new SourceWriter();
        w.Line("{").Indent();
        w.Line($"{Tensor} sum = {string.Join(" + ", terms.Take(perLine))};");
        for (var i = perLine; i < terms.Count; i += perLine) w.Line($"sum = sum + {string.Join(" + ", terms.Skip(i).Take(perLine))};");
        w.Line("return sum;");
        w.Close();
        return member with { Body = w.Lines() };
    }
}
