using System.Linq;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>Writes the typed members of one <c>[Distribution]</c> class.</summary>
internal static class DistributionEmitter
{
    private const string Tensor = "global::TorchSharp.torch.Tensor";

    public static string HintName(DistributionSpec spec) => $"{spec.Type.MetadataStem}.Distribution.g.cs";

    public static string Emit(DistributionSpec spec) => TypeScaffold.Write(spec.Type, writer => Body(writer, spec));

    private static void Body(SourceWriter w, DistributionSpec spec)
    {
        var signature = TypeScaffold.Xml(spec.SignatureText);
        var family = spec.Family;
        var conditions = spec.CondVars.ToList();
        var parameters = string.Join(", ", conditions.Select(c => $"{Tensor} {c}"));
        var arguments = string.Join(", ", conditions);
        var unconditioned = conditions.Count == 0;
        // Without conditioning variables a draw needs a batch size; with them, the inputs carry it.
        var sampleParameters = unconditioned ? "long batchSize = 1" : parameters;
        var sampleShape = unconditioned ? ", batchSize" : "";
        var given = unconditioned ? "" : $" given {string.Join(", ", conditions)}";

        w.Line($"/// <summary>The signature <c>{signature}</c>.</summary>");
        w.Line($"public const string Signature = {TypeScaffold.Quote(spec.SignatureText)};");
        w.Line();
        w.Line($"/// <summary>The signature <c>{signature}</c> in LaTeX.</summary>");
        w.Line($"public const string Latex = {TypeScaffold.Quote(spec.LatexText)};");
        w.Line();
        w.Line($"private static readonly global::PixyzGen.DistributionSignature DeclaredSignatureValue = new({TypeScaffold.Quote(spec.Name)}, {TypeScaffold.Array(new[] { spec.Variable })}, {TypeScaffold.Array(conditions)});");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line("protected override global::PixyzGen.DistributionSignature DeclaredSignature => DeclaredSignatureValue;");
        w.Line();

        if (family.IsDynamic)
        {
            WriteFlow(w, spec, signature, conditions, parameters, arguments, given);
            return;
        }

        if (spec.IsProductOfExperts)
        {
            WriteProductOfExperts(w, spec, signature, conditions);
            return;
        }

        w.Line($"/// <summary>The parameters of <c>{signature}</c>{given}: {(spec.HasForward ? "one call of Forward" : "the constants")}.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        if (spec.ForwardError is { } error)
            w.Line($"public {family.ParamsType} Params({parameters}) => throw new global::System.InvalidOperationException({TypeScaffold.Quote(error)});");
        else if (spec.HasForward)
            w.Line($"public {family.ParamsType} Params({parameters}) => Forward({arguments});");
        else
            w.Line($"public {family.ParamsType} Params() => ConstantParams;");
        w.Line();

        if (family.IsDeterministic)
        {
            WriteDeterministic(w, spec, signature, conditions, parameters, arguments, given);
            return;
        }

        if (spec.HasForward || spec.ForwardError is not null)
        {
            // The bridge to the dynamic API: Sample(Variables), LogProb(Variables), products and losses reach Forward here.
            var namedInputs = string.Join(", ", conditions.Select(c => $"Require(inputs, {TypeScaffold.Quote(c)})"));
            w.Line($"/// <summary>The parameters of <c>{signature}</c> for the dynamic API: {(conditions.Count == 0 ? "Forward()" : $"Forward on inputs {string.Join(", ", conditions)}")}.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"protected override {family.ParamsType} ParamsFor(global::PixyzGen.Variables inputs) => Params({namedInputs});");
            w.Line();
        }

        var paramsCall = $"Params({arguments})";
        w.Line($"/// <summary>Draws {spec.Variable} ~ <c>{signature}</c>{given}, without gradient.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public {Tensor} Sample({sampleParameters}) => SampleFrom({paramsCall}{sampleShape});");
        w.Line();
        if (family.HasReparam)
        {
            w.Line($"/// <summary>Draws {spec.Variable} ~ <c>{signature}</c>{given} with the reparameterization trick (gradients flow).</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {Tensor} RSample({sampleParameters}) => RSampleFrom({paramsCall}{sampleShape});");
            w.Line();
        }
        var logProbParameters = string.Join(", ", new[] { $"{Tensor} {spec.Variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));
        w.Line($"/// <summary>log <c>{signature}</c>, summed over feature dimensions: one value per batch element.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public {Tensor} LogProb({logProbParameters}) => LogProbOf({paramsCall}, {spec.Variable}, {TypeScaffold.Quote(spec.Variable)});");
        w.Line();
        w.Line($"/// <summary>The mean of <c>{signature}</c>{given}.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public {Tensor} Mean({parameters}) => MeanOf({paramsCall});");
        if (family.HasEntropy)
        {
            w.Line();
            w.Line($"/// <summary>The entropy H[<c>{signature}</c>]{given}, summed over feature dimensions.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {Tensor} Entropy({parameters}) => EntropyOf({paramsCall});");
        }
    }

    /// <summary>A deterministic variable: drawing it is evaluating Forward; there is no density, entropy or KL.</summary>
    private static void WriteDeterministic(SourceWriter w, DistributionSpec spec, string signature, System.Collections.Generic.List<string> conditions, string parameters, string arguments, string given)
    {
        var namedInputs = string.Join(", ", conditions.Select(c => $"Require(inputs, {TypeScaffold.Quote(c)})"));
        w.Line($"/// <summary>The value of <c>{signature}</c> for the dynamic API: Forward on the named inputs.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"protected override {Tensor} Forward(global::PixyzGen.Variables inputs) => Params({namedInputs});");
        w.Line();
        foreach (var (member, what) in new[] { ("Sample", "The value"), ("RSample", "The value (gradients flow)"), ("Mean", "The value") })
        {
            w.Line($"/// <summary>{what} of {spec.Variable} in <c>{signature}</c>{given}: one call of Forward.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {Tensor} {member}({parameters}) => Params({arguments});");
            if (member != "Mean") w.Line();
        }
    }

    /// <summary>
    /// A product of Gaussian experts: every input is optional (a missing modality is null and its expert is left out);
    /// the parameters are NormalPoE's combination of the prior and the experts whose inputs are given.
    /// </summary>
    private static void WriteProductOfExperts(SourceWriter w, DistributionSpec spec, string signature, System.Collections.Generic.List<string> conditions)
    {
        var optional = string.Join(", ", conditions.Select(c => $"{Tensor}? {c} = null"));
        var arguments = string.Join(", ", conditions);
        var named = string.Join(", ", conditions.Select(c => $"({TypeScaffold.Quote(c)}, {c})"));
        var forms = new[]
        {
            ("global::PixyzGen.NormalParams", "Params", "", $"ParamsFor(global::PixyzGen.Variables.OfPresent({named}))", "The combined parameters"),
            (Tensor, "Sample", "", $"SampleFrom(Params({arguments}))", $"Draws {spec.Variable} ~"),
            (Tensor, "RSample", "", $"RSampleFrom(Params({arguments}))", $"Draws {spec.Variable} (reparameterized) ~"),
            (Tensor, "LogProb", $"{Tensor} {spec.Variable}, ", $"LogProbOf(Params({arguments}), {spec.Variable}, {TypeScaffold.Quote(spec.Variable)})", "log"),
            (Tensor, "Mean", "", $"MeanOf(Params({arguments}))", "The mean of"),
            (Tensor, "Entropy", "", $"EntropyOf(Params({arguments}))", "The entropy of"),
        };
        foreach (var (type, name, leading, body, what) in forms)
        {
            w.Line($"/// <summary>{what} <c>{signature}</c>, the product of the prior and the experts whose inputs are not null.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {type} {name}({leading}{optional}) => {body};");
            if (name != "Entropy") w.Line();
        }
    }

    /// <summary>A flow: typed wrappers over the dynamic API, its "parameters" being the inputs as Variables.</summary>
    private static void WriteFlow(SourceWriter w, DistributionSpec spec, string signature, System.Collections.Generic.List<string> conditions, string parameters, string arguments, string given)
    {
        var unconditioned = conditions.Count == 0;
        var inputs = unconditioned ? "global::PixyzGen.Variables.Empty" : $"global::PixyzGen.Variables.Of({string.Join(", ", conditions.Select(c => $"({TypeScaffold.Quote(c)}, {c})"))})";
        var sampleParameters = unconditioned ? "long batchSize = 1" : parameters;
        var batch = unconditioned ? "batchN: batchSize, " : "";
        var variable = TypeScaffold.Quote(spec.Variable);
        w.Line($"/// <summary>The inputs of <c>{signature}</c>{given} as the dynamic API takes them.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public global::PixyzGen.Variables Params({parameters}) => {inputs};");
        w.Line();
        foreach (var (name, reparam, what) in new[] { ("Sample", "false", "without gradient"), ("RSample", "true", "with gradients through the flow") })
        {
            w.Line($"/// <summary>Draws {spec.Variable} ~ <c>{signature}</c>{given} {what}.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {Tensor} {name}({sampleParameters}) => Sample(Params({arguments}), {batch}reparam: {reparam}, returnAll: false)[{variable}];");
            w.Line();
        }
        var logProbParameters = string.Join(", ", new[] { $"{Tensor} {spec.Variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));
        w.Line($"/// <summary>log <c>{signature}</c>: the base density and the flow's log-determinant, one value per batch element.</summary>");
        w.Line(TypeScaffold.GeneratedCodeAttribute);
        w.Line($"public {Tensor} LogProb({logProbParameters}) => LogProb(Params({arguments}).With({variable}, {spec.Variable}));");
    }
}
