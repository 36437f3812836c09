using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>Writes a model's member registration, ancestral sampling, joint log-density and loss bodies.</summary>
internal static class ModelEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";

    public static string HintName(ModelSpec spec) => $"{spec.Type.MetadataStem}.Model.g.cs";

    public static string Emit(ModelSpec spec) => TypeScaffold.Write(spec.Type, writer => Body(writer, spec));

    private static void Body(SourceWriter w, ModelSpec spec)
    {
        var factorization = TypeScaffold.Xml(spec.FactorizationText);
        w.Line($"/// <summary>The factorization <c>{factorization}</c>.</summary>");
        w.Line($"public const string Factorization = {TypeScaffold.Quote(spec.FactorizationText)};");
        w.Line();
        if (spec.LatexText is { } latex)
        {
            w.Line($"/// <summary>The factorization <c>{factorization}</c> in LaTeX.</summary>");
            w.Line($"public const string Latex = {TypeScaffold.Quote(latex)};");
            w.Line();
        }
        if (spec.DotText is { } dot)
        {
            w.Line($"/// <summary>The graph of <c>{factorization}</c> in Graphviz DOT (inputs are boxes, marginalized variables dashed).</summary>");
            w.Line($"public const string Dot = {TypeScaffold.Quote(dot)};");
            w.Line();
        }
        w.Line("/// <inheritdoc/>");
        w.Line($"public override string FactorizationText => Factorization;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Open("protected override global::System.Collections.Generic.IEnumerable<(string Name, global::PixyzGen.Distribution? Member)> DistributionMembers");
        w.Open("get");
        foreach (var member in spec.Members) w.Line($"yield return ({TypeScaffold.Quote(member.Name)}, {member.Name});");
        if (spec.Members.Count == 0) w.Line("yield break;");
        w.Close();
        w.Close();

        if (spec.Sampling is { } sampling)
        {
            WriteSample(w, spec, sampling, factorization);
            if (!sampling.Marginalizes && sampling.HasDensity) WriteJointLogProb(w, sampling, factorization);
        }
        else if (spec.SamplingError is { } error)
        {
            // An invalid factorization still gets Sample, so callers compile and the build shows only our diagnostic.
            w.Line();
            w.Line($"/// <summary>Not available: the factorization <c>{factorization}</c> is invalid ({TypeScaffold.Xml(error.Split(':')[0])}).</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public global::TorchSharp.torch.Tensor Sample(long batchSize = 1) => throw new global::System.InvalidOperationException({TypeScaffold.Quote($"[Model] {spec.Type.Name} is invalid: {error}")});");
        }
        foreach (var loss in spec.Losses) WriteLoss(w, loss);
    }

    private static void WriteSample(SourceWriter w, ModelSpec spec, SamplingPlan sampling, string factorization)
    {
        var outputs = sampling.Outputs.ToList();
        var recordName = spec.Type.Name + "Sample";
        var single = outputs.Count == 1;
        w.Line();
        if (!single)
        {
            w.Line($"/// <summary>One joint draw of <c>{factorization}</c>.</summary>");
            w.Line($"public readonly record struct {recordName}({string.Join(", ", outputs.Select(o => $"{Tensor} {Pascal(o)}"))});");
            w.Line();
        }
        var inputs = sampling.Inputs.ToList();
        var parameters = inputs.Count == 0 ? "long batchSize = 1" : string.Join(", ", inputs.Select(i => $"{Tensor} {i}"));
        var batch = inputs.Count == 0 ? "batchSize" : $"{inputs[0]}.shape[0]";
        var order = string.Join(", then ", sampling.Steps.Select(s => $"{s.Variable} ~ {TypeScaffold.Xml(s.SignatureText)}"));
        w.Line($"/// <summary>Ancestral sampling of <c>{factorization}</c>: {order}.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Open($"public {(single ? Tensor : recordName)} Sample({parameters})");
        foreach (var step in sampling.Steps)
        {
            var arguments = step.CondVars.Count == 0 ? batch : string.Join(", ", step.CondVars);
            w.Line($"var {step.Variable} = {step.Member}.Sample({arguments});");
        }
        w.Line(single ? $"return {outputs[0]};" : $"return new {recordName}({string.Join(", ", outputs)});");
        w.Close();
    }

    private static void WriteJointLogProb(SourceWriter w, SamplingPlan sampling, string factorization)
    {
        var parameters = sampling.Outputs.Concat(sampling.Inputs).Select(v => $"{Tensor} {v}");
        var terms = sampling.Steps.Select(s => $"{s.Member}.LogProb({string.Join(", ", new[] { s.Variable }.Concat(s.CondVars))})");
        w.Line();
        w.Line($"/// <summary>log <c>{factorization}</c>: the sum of its factors' log-densities, one value per batch element.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public {Tensor} LogProb({string.Join(", ", parameters)}) => {string.Join(" + ", terms)};");
    }

    private static void WriteLoss(SourceWriter w, LossSpec loss)
    {
        var method = loss.Method;
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Type} {p.Name}"));
        if (loss.LatexText is { } latex)
        {
            w.Line();
            w.Line($"/// <summary>The loss <c>{TypeScaffold.Xml(method.Formula)}</c> of <see cref=\"{method.Name}\"/> in LaTeX.</summary>");
            w.Line($"public const string {method.Name}Latex = {TypeScaffold.Quote(latex)};");
        }
        w.Line();
        w.Line($"/// <summary>The loss <c>{TypeScaffold.Xml(method.Formula)}</c>.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Open($"{method.Accessibility} partial {method.ReturnType} {method.Name}({parameters})");
        if (loss.Error is { } error)
        {
            w.Line($"throw new global::System.InvalidOperationException({TypeScaffold.Quote($"[Loss] {method.Name} is invalid: {error}")});");
            w.Close();
            return;
        }
        w.Line("using var scope = global::TorchSharp.torch.NewDisposeScope();");
        WriteStatements(w, loss.Statements);
        w.Line($"var result = {loss.ResultExpression};");
        w.Line("return result.MoveToOuterDisposeScope();");
        w.Close();
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static void WriteStatements(SourceWriter w, EquatableArray<PlannedStatement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.Iteration is not { } iteration)
            {
                w.Line($"var {statement.Local} = {statement.Expression}; // {statement.Comment}");
                continue;
            }
            // The step as a lambda: this step's slices and carried state, its own hoisted locals, its value and next state.
            w.Line($"// {statement.Comment}");
            w.Open($"var {statement.Local} = global::PixyzGen.Iteration.Sum({iteration.Steps}, new {Tensor}[] {{ {string.Join(", ", iteration.Initial)} }}, ({iteration.StepIndex}, {iteration.CarriedName}) =>");
            foreach (var line in iteration.Prelude) w.Line(line);
            WriteStatements(w, iteration.Body);
            w.Line($"return ({iteration.Value}, new {Tensor}[] {{ {string.Join(", ", iteration.Next)} }});");
            w.Close(");");
        }
    }
}
