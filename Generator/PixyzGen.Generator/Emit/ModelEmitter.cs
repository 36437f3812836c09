using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Writes a model's member registration, ancestral sampling, joint log-density and loss bodies. Members are reached as
/// <c>this.@Name</c>; a generated member the user already declared is left out, one that hides an inherited member is
/// declared <c>new</c>.
/// </summary>
internal static class ModelEmitter
{
    /// <summary>The shape of a failed factorization's Sample when not even its joint reads: a batch size in, one Tensor out.</summary>
    internal static readonly SampleShape SingleTensor = new(EquatableArray<string>.Empty, EquatableArray.Create("x"));

    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The file's hint stem and a key unique to it, for <see cref="HintNames"/>.</summary>
    public static OutputStem Output(ModelSpec spec) => new($"{spec.Type.MetadataStem}.{(spec.IsModel ? "Model" : "Losses")}", (spec.IsModel ? "M:" : "L:") + spec.Type.Key);

    public static string Emit(ModelSpec spec, LanguageFacts language) => TypeScaffold.Write(spec.Type, language, spec.AcceptedDiagnostics, writer => Body(writer, spec, language));

    private static void Body(SourceWriter w, ModelSpec spec, LanguageFacts language)
    {
        var existing = spec.Existing;
        // A model's own members come first; a type with only [Loss] methods starts with its first loss.
        if (spec.IsModel) WriteModelMembers(w, spec, existing, language);
        else WriteThrowingOverrides(w, spec);
        var first = !spec.IsModel && spec.ThrowingOverrides.Count == 0;
        foreach (var loss in spec.Losses)
        {
            LossEmitter.Write(w, loss, existing, first);
            first = false;
        }
    }

    /// <summary>Everything but the losses.</summary>
    private static void WriteModelMembers(SourceWriter w, ModelSpec spec, ExistingMembers existing, LanguageFacts language)
    {
        var factorization = CSharpText.Xml(spec.FactorizationText);
        var constants = new List<(string Name, string Summary, string Value)> { ("Factorization", $"The factorization <c>{factorization}</c>.", spec.FactorizationText) };
        if (spec.LatexText is { } latex) constants.Add(("Latex", $"The factorization <c>{factorization}</c> in LaTeX.", latex));
        if (spec.DotText is { } dot) constants.Add(("Dot", $"The graph of <c>{factorization}</c> in Graphviz DOT (inputs are boxes, marginalized variables dashed).", dot));
        foreach (var (name, summary, value) in constants)
        {
            if (existing.ForOther(name) is not { } modifier) continue;
            w.Line($"/// <summary>{summary}</summary>");
            w.Line($"public {modifier}const string {name} = {CSharpText.Quote(value)};");
            w.Line();
        }
        if (existing.CanOverride("FactorizationText"))
        {
            w.Line("/// <inheritdoc/>");
            w.Line($"public override string FactorizationText => {CSharpText.Quote(spec.FactorizationText)};");
            w.Line();
        }
        if (existing.CanOverride("DistributionMembers"))
        {
            w.Line("/// <inheritdoc/>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Open($"protected override global::System.Collections.Generic.IEnumerable<(string Name, {RuntimeNames.Distribution}? Member)> DistributionMembers");
            w.Open("get");
            foreach (var member in spec.Members) w.Line($"yield return ({CSharpText.Quote(member.Name)}, this.{CSharpText.Escape(member.Name)});");
            if (spec.Members.Count == 0) w.Line("yield break;");
            w.Close();
            w.Close();
        }

        if (spec.Sampling is { } sampling)
        {
            WriteJoint(w, spec, sampling, factorization, existing);
            if (sampling.CanDraw) WriteSample(w, spec, sampling, factorization, existing, language);
            if (!sampling.Marginalizes && sampling.HasDensity) WriteJointLogProb(w, spec, sampling, factorization, existing);
        }
        else if (spec.SamplingError is { } error)
        {
            // An invalid factorization still gets Sample, shaped by its joint where the joint reads (the record of a
            // joint draw included), so callers compile and the build shows only our diagnostic.
            var thrown = $"throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"[Model] {spec.Type.PlainName} is invalid: {error.Id}: {error.Message}")})";
            var shape = spec.FailedSampleShape ?? SingleTensor;
            if (SampleSignature.For(spec, shape, existing) is not { } signature) return;
            w.Line();
            WriteRecord(w, signature, shape.Outputs, factorization, language);
            w.Line($"/// <summary>Not available: the factorization <c>{factorization}</c> is invalid ({error.Id}).</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {signature.Modifier}{signature.ReturnType} Sample({signature.Parameters}) => {thrown};");
        }
    }

    /// <summary>GenerativeModel's abstract members a type PixyzGen does not model still gets, throwing why, so it compiles.</summary>
    private static void WriteThrowingOverrides(SourceWriter w, ModelSpec spec)
    {
        var first = true;
        var thrown = $"throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote(spec.Unsupported ?? "")})";
        foreach (var name in spec.ThrowingOverrides)
        {
            if (!first) w.Line();
            first = false;
            w.Line($"/// <summary>Not available: {CSharpText.Xml(spec.Unsupported ?? "")}.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line(name == "FactorizationText"
                ? $"public override string FactorizationText => {thrown};"
                : $"protected override global::System.Collections.Generic.IEnumerable<(string Name, {RuntimeNames.Distribution}? Member)> DistributionMembers => {thrown};");
        }
    }

    /// <summary>The members' product in the factorization's order (as LogProb sums them), marginalized as written, named as the joint.</summary>
    private static void WriteJoint(SourceWriter w, ModelSpec spec, SamplingPlan sampling, string factorization, ExistingMembers existing)
    {
        if (!existing.CanOverride("BuildJoint")) return;
        var product = string.Join(" * ", sampling.WrittenOrder.Select(s => CSharpText.ThisMember(s.Member)));
        var marginalized = sampling.Steps.Select(s => s.Variable).Where(v => !sampling.Outputs.Contains(v)).ToList();
        w.Line();
        w.Line($"/// <summary>The joint <c>{factorization}</c> over the members (<see cref=\"{RuntimeNames.GenerativeModel}.Joint\"/>).</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        if (sampling.Steps.Count == 1 && marginalized.Count == 0)
        {
            // One factor is the joint itself (renaming it would rename the member).
            w.Line($"protected override {RuntimeNames.Distribution} BuildJoint() => {product};");
            return;
        }
        var joint = marginalized.Count == 0 ? product : $"({product}).MarginalizeVar({string.Join(", ", marginalized.Select(CSharpText.Quote))})";
        w.Open($"protected override {RuntimeNames.Distribution} BuildJoint()");
        w.Line($"{RuntimeNames.Distribution} joint = {joint};");
        w.Line($"joint.Name = {CSharpText.Quote(sampling.JointName)};");
        w.Line("return joint;");
        w.Close();
    }

    private static void WriteSample(SourceWriter w, ModelSpec spec, SamplingPlan sampling, string factorization, ExistingMembers existing, LanguageFacts language)
    {
        var outputs = sampling.Outputs.ToList();
        var inputs = sampling.Inputs.ToList();
        if (SampleSignature.For(spec, new SampleShape(sampling.Inputs, sampling.Outputs), existing) is not { } signature) return;
        var single = signature.RecordModifier is null;
        var recordName = signature.RecordName;
        w.Line();
        WriteRecord(w, signature, sampling.Outputs, factorization, language);
        var batch = signature.BatchName ?? $"{CSharpText.Escape(inputs[0])}.shape[0]";
        var order = string.Join(", then ", sampling.Steps.Select(s => $"{s.Variable} ~ {CSharpText.Xml(s.SignatureText)}"));
        w.Line($"/// <summary>Ancestral sampling of <c>{factorization}</c>: {order}.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Open($"public {signature.Modifier}{signature.ReturnType} Sample({signature.Parameters})");
        foreach (var step in sampling.Steps)
        {
            var arguments = step.CondVars.Count == 0 ? batch : string.Join(", ", step.CondVars.Select(CSharpText.Escape));
            w.Line($"{Tensor} {CSharpText.Escape(step.Variable)} = {CSharpText.ThisMember(step.Member)}.Sample({arguments});");
        }
        w.Line(single ? $"return {CSharpText.Escape(outputs[0])};" : $"return new {recordName}({string.Join(", ", outputs.Select(CSharpText.Escape))});");
        w.Close();
    }

    /// <summary>The joint draw's record, when Sample returns several variables.</summary>
    private static void WriteRecord(SourceWriter w, SampleSignature signature, EquatableArray<string> outputs, string factorization, LanguageFacts language)
    {
        if (signature.RecordModifier is not { } recordModifier) return;
        w.Line($"/// <summary>One joint draw of <c>{factorization}</c>.</summary>");
        JointDrawRecord.Write(w, recordModifier, signature.RecordName, outputs.Select(o => signature.Properties[o]).ToList(), language);
        w.Line();
    }

    private static void WriteJointLogProb(SourceWriter w, ModelSpec spec, SamplingPlan sampling, string factorization, ExistingMembers existing)
    {
        var variables = sampling.Outputs.Concat(sampling.Inputs).ToList();
        if (existing.ForMethod("LogProb", variables.Select(_ => Tensor).ToArray()) is not { } modifier) return;
        var parameters = variables.Select(v => $"{Tensor} {CSharpText.Escape(v)}");
        var terms = sampling.WrittenOrder.Select(s => $"{CSharpText.ThisMember(s.Member)}.LogProb({string.Join(", ", new[] { s.Variable }.Concat(s.CondVars).Select(CSharpText.Escape))})");
        w.Line();
        w.Line($"/// <summary>log <c>{factorization}</c>: the sum of its factors' log-densities in the order written, one value per batch element.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        WriteSum(w, $"public {modifier}{Tensor} LogProb({string.Join(", ", parameters)})", terms.ToList());
    }

    /// <summary>An expression-bodied member summing the terms, or, past csc's comfortable depth, a body adding them in parts.</summary>
    private static void WriteSum(SourceWriter w, string declaration, List<string> terms)
    {
        const int perLine = 64;
        if (terms.Count <= perLine)
        {
            w.Line($"{declaration} => {string.Join(" + ", terms)};");
            return;
        }
        w.Open(declaration);
        w.Line($"{Tensor} sum = {string.Join(" + ", terms.Take(perLine))};");
        for (var i = perLine; i < terms.Count; i += perLine) w.Line($"sum = sum + {string.Join(" + ", terms.Skip(i).Take(perLine))};");
        w.Line("return sum;");
        w.Close();
    }
}
