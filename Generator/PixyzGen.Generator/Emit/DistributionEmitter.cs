using System.Collections.Generic;
using System.Linq;
using PixyzGen.Generator.Model;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Writes the typed members of one <c>[Distribution]</c> class. Members are reached through <c>this.</c> so a
/// variable named like one (<c>Params</c>, <c>LogProbOf</c>) never shadows it; a member the user already declared is
/// left out and one that hides an inherited member is declared <c>new</c> (<see cref="ExistingMembers"/>).
/// </summary>
internal static class DistributionEmitter
{
    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The file's hint stem and a key unique to it, for <see cref="HintNames"/>.</summary>
    public static OutputStem Output(DistributionSpec spec) => new($"{spec.Type.MetadataStem}.Distribution", "D:" + spec.Type.Key);

    public static string Emit(DistributionSpec spec, LanguageFacts language) => TypeScaffold.Write(spec.Type, language, spec.AcceptedDiagnostics, writer => Body(writer, spec));

    private static void Body(SourceWriter w, DistributionSpec spec)
    {
        var existing = spec.Members;
        var signature = CSharpText.Xml(spec.SignatureText);
        var family = spec.Family;
        var conditions = spec.CondVars.Select(CSharpText.Escape).ToList();
        var tensors = spec.CondVars.Select(_ => Tensor).ToArray();
        var parameters = string.Join(", ", conditions.Select(c => $"{Tensor} {c}"));
        var arguments = string.Join(", ", conditions);
        var unconditioned = conditions.Count == 0;
        // Without conditioning variables a draw needs a batch size; with them, the inputs carry it. Either takes a sample shape.
        var shapeName = DrawParameters.ShapeName(spec.CondVars);
        var sampleParameters = DrawParameters.List(conditions, shapeName);
        var sampleTypes = DrawParameters.Types(conditions.Count);
        var sampleShape = ", " + DrawParameters.Leading(conditions.Count, shapeName);
        var given = unconditioned ? "" : $" given {string.Join(", ", spec.CondVars)}";
        var variable = CSharpText.Escape(spec.Variable);

        if (existing.ForOther("Signature") is { } signatureModifier)
        {
            w.Line($"/// <summary>The signature <c>{signature}</c>.</summary>");
            w.Line($"public {signatureModifier}const string Signature = {CSharpText.Quote(spec.SignatureText)};");
            w.Line();
        }
        if (existing.ForOther("Latex") is { } latexModifier)
        {
            w.Line($"/// <summary>The signature <c>{signature}</c> in LaTeX.</summary>");
            w.Line($"public {latexModifier}const string Latex = {CSharpText.Quote(spec.LatexText)};");
            w.Line();
        }
        if (existing.CanOverride("DeclaredSignature"))
        {
            w.Line("/// <inheritdoc/>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"protected override {RuntimeNames.DistributionSignature} DeclaredSignature {{ get; }} = new({CSharpText.Quote(spec.Name)}, {CSharpText.Array(new[] { spec.Variable })}, {CSharpText.Array(spec.CondVars)});");
            w.Line();
        }

        if (family.IsCustomDensity)
        {
            WriteCustomDensity(w, spec, signature, conditions, parameters, given);
            return;
        }

        if (family.IsComposite)
        {
            WriteComposite(w, spec, signature, conditions, parameters, arguments, given, shapeName);
            return;
        }

        if (spec.IsProductOfExperts)
        {
            WriteProductOfExperts(w, spec, signature, conditions);
            return;
        }

        var paramsModifier = existing.ForMethod("Params", tensors);
        if (paramsModifier is not null)
        {
            w.Line($"/// <summary>The parameters of <c>{signature}</c>{given}: {(spec.HasForward ? "one call of Forward" : "the constants")}.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            if (spec.ForwardError is { } error)
                w.Line($"public {paramsModifier}{RuntimeNames.ParamsType(family)} Params({parameters}) => throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"{error.Id}: {error.Message}")});");
            else if (spec.HasForward)
                // Within a loss evaluation every caller (the loss, a product of experts, the dynamic API) shares one pass per input.
                w.Line($"public {paramsModifier}{RuntimeNames.ParamsType(family)} Params({parameters}) => {RuntimeNames.ForwardMemo}.Get(this, {Inputs(conditions)}, () => this.Forward({arguments}));");
            else
                w.Line($"public {paramsModifier}{RuntimeNames.ParamsType(family)} Params() => this.ConstantParams;");
            w.Line();
        }

        if (family.IsDeterministic)
        {
            WriteDeterministic(w, spec, signature, conditions, parameters, arguments, given, tensors);
            return;
        }

        if ((spec.HasForward || spec.ForwardError is not null) && existing.CanOverride("ParamsFor"))
        {
            // The bridge to the dynamic API: Sample(Variables), LogProb(Variables), products and losses reach Forward here.
            w.Line($"/// <summary>The parameters of <c>{signature}</c> for the dynamic API: {(conditions.Count == 0 ? "Forward()" : $"Forward on inputs {string.Join(", ", spec.CondVars)}")}.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"protected override {RuntimeNames.ParamsType(family)} ParamsFor({RuntimeNames.Variables} inputs) => this.Params({NamedInputs(spec)});");
            w.Line();
        }

        var paramsCall = $"this.Params({arguments})";
        var members = new List<(string? Modifier, string Summary, string Declaration)>
        {
            (existing.ForMethod("Sample", sampleTypes), $"Draws {spec.Variable} ~ <c>{signature}</c>{given}, without gradient; <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} Sample({sampleParameters}) => this.SampleFrom({paramsCall}{sampleShape});"),
        };
        if (family.HasReparam)
            members.Add((existing.ForMethod("RSample", sampleTypes), $"Draws {spec.Variable} ~ <c>{signature}</c>{given} with the reparameterization trick (gradients flow); <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} RSample({sampleParameters}) => this.RSampleFrom({paramsCall}{sampleShape});"));
        var logProbParameters = string.Join(", ", new[] { $"{Tensor} {variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));
        members.Add((existing.ForMethod("LogProb", new[] { Tensor }.Concat(tensors).ToArray()), $"log <c>{signature}</c>, summed over feature dimensions: one value per batch element.",
            $"{Tensor} LogProb({logProbParameters}) => this.LogProbOf({paramsCall}, {variable}, {CSharpText.Quote(spec.Variable)});"));
        members.Add((existing.ForMethod("Mean", tensors), $"The mean of <c>{signature}</c>{given}.", $"{Tensor} Mean({parameters}) => this.MeanOf({paramsCall});"));
        if (family.HasEntropy)
            members.Add((existing.ForMethod("Entropy", tensors), $"The entropy H[<c>{signature}</c>]{given}, summed over feature dimensions.",
                $"{Tensor} Entropy({parameters}) => this.EntropyOf({paramsCall});"));
        WriteMembers(w, members);
    }

    private static string Inputs(IReadOnlyList<string> conditions) =>
        conditions.Count == 0 ? $"global::System.Array.Empty<{Tensor}>()" : $"new {Tensor}[] {{ {string.Join(", ", conditions)} }}";

    /// <summary>Public members, one blank line apart; those the user declared (null modifier) left out.</summary>
    private static void WriteMembers(SourceWriter w, IEnumerable<(string? Modifier, string Summary, string Declaration)> members)
    {
        var first = true;
        foreach (var (modifier, summary, declaration) in members)
        {
            if (modifier is null) continue;
            if (!first) w.Line();
            first = false;
            w.Line($"/// <summary>{summary}</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"public {modifier}{declaration}");
        }
    }

    private static string NamedInputs(DistributionSpec spec) =>
        string.Join(", ", spec.CondVars.Select(c => $"this.Require(inputs, {CSharpText.Quote(c)})"));

    /// <summary>A deterministic variable: drawing it is evaluating Forward; there is no density, entropy or KL.</summary>
    private static void WriteDeterministic(SourceWriter w, DistributionSpec spec, string signature, List<string> conditions, string parameters, string arguments, string given, string[] tensors)
    {
        if (spec.Members.CanOverride("Forward(" + RuntimeNames.Variables + ")"))
        {
            w.Line($"/// <summary>The value of <c>{signature}</c> for the dynamic API: Forward on the named inputs.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line($"protected override {Tensor} Forward({RuntimeNames.Variables} inputs) => this.Params({NamedInputs(spec)});");
            w.Line();
        }
        WriteMembers(w, new[] { ("Sample", "The value"), ("RSample", "The value (gradients flow)"), ("Mean", "The value") }.Select(m =>
            (spec.Members.ForMethod(m.Item1, tensors), $"{m.Item2} of {spec.Variable} in <c>{signature}</c>{given}: one call of Forward.",
                $"{Tensor} {m.Item1}({parameters}) => this.Params({arguments});")));
    }

    /// <summary>
    /// A product of Gaussian experts: every input is optional (a missing modality is null and its expert is left out);
    /// the parameters are NormalPoE's combination of the prior and the experts whose inputs are given.
    /// </summary>
    private static void WriteProductOfExperts(SourceWriter w, DistributionSpec spec, string signature, List<string> conditions)
    {
        var optional = string.Join(", ", conditions.Select(c => $"{Tensor}? {c} = null"));
        var arguments = string.Join(", ", conditions);
        var named = string.Join(", ", spec.CondVars.Zip(conditions, (name, code) => $"({CSharpText.Quote(name)}, {code})"));
        var variable = CSharpText.Escape(spec.Variable);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var forms = new[]
        {
            (RuntimeNames.NormalParams, "Params", "", $"this.ExpertParams({RuntimeNames.Variables}.OfPresent({named}), validate: false)", "The combined parameters", tensors),
            (Tensor, "Sample", "", $"this.SampleFrom(this.Params({arguments}))", $"Draws {spec.Variable} ~", tensors),
            (Tensor, "RSample", "", $"this.RSampleFrom(this.Params({arguments}))", $"Draws {spec.Variable} (reparameterized) ~", tensors),
            (Tensor, "LogProb", $"{Tensor} {variable}, ", $"this.LogProbOf(this.Params({arguments}), {variable}, {CSharpText.Quote(spec.Variable)})", "log", withValue),
            (Tensor, "Mean", "", $"this.MeanOf(this.Params({arguments}))", "The mean of", tensors),
            (Tensor, "Entropy", "", $"this.EntropyOf(this.Params({arguments}))", "The entropy of", tensors),
        };
        WriteMembers(w, forms.Select(f => (spec.Members.ForMethod(f.Item2, f.Item6),
            $"{f.Item5} <c>{signature}</c>, the product of the prior and the experts whose inputs are not null.",
            $"{f.Item1} {f.Item2}({f.Item3}{optional}) => {f.Item4};")));
    }

    /// <summary>
    /// A custom density: the dynamic API's LogDensityFor calls the user's LogDensity (value, then conditioning variables),
    /// and the typed LogProb goes through the dynamic LogProb, so both sum past the batch dimensions by one rule. There is
    /// no Sample: a custom density cannot draw (loss terms that would are PXY0211).
    /// </summary>
    private static void WriteCustomDensity(SourceWriter w, DistributionSpec spec, string signature, List<string> conditions, string parameters, string given)
    {
        var variable = CSharpText.Escape(spec.Variable);
        var quoted = CSharpText.Quote(spec.Variable);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var arguments = string.Join(", ", conditions);
        if (spec.Members.CanOverride("LogDensityFor"))
        {
            w.Line($"/// <summary>The log-density of <c>{signature}</c> for the dynamic API: LogDensity on the named values.</summary>");
            w.Line(TypeScaffold.GeneratedCodeAttribute);
            var named = string.Join(", ", new[] { spec.Variable }.Concat(spec.CondVars).Select(v => $"this.Require(values, {CSharpText.Quote(v)})"));
            w.Line(spec.ForwardError is { } error
                ? $"protected override {Tensor} LogDensityFor({RuntimeNames.Variables} values) => throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"{error.Id}: {error.Message}")});"
                : $"protected override {Tensor} LogDensityFor({RuntimeNames.Variables} values) => this.{GeneratedFamilies.LogDensityMethod}({named});");
            w.Line();
        }
        var logProbParameters = string.Join(", ", new[] { $"{Tensor} {variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));
        WriteMembers(w, new List<(string?, string, string)>
        {
            (spec.Members.ForMethod("Params", tensors), $"The conditioning values of <c>{signature}</c>{given} as the dynamic API takes them.",
                $"{RuntimeNames.Variables} Params({parameters}) => {DynamicInputs(spec, conditions)};"),
            (spec.Members.ForMethod("LogProb", new[] { Tensor }.Concat(tensors).ToArray()), $"log <c>{signature}</c> as LogDensity gives it (unnormalized if it is), one value per batch element.",
                $"{Tensor} LogProb({logProbParameters}) => this.LogProb(this.Params({arguments}).With({quoted}, {variable}));"),
        });
    }

    /// <summary>
    /// A distribution built from others (a flow, a mixture, a mixture's posterior): typed wrappers over the dynamic API,
    /// its "parameters" being the inputs as Variables. RSample where the family reparameterizes; a mixture also gives
    /// its responsibilities.
    /// </summary>
    private static void WriteComposite(SourceWriter w, DistributionSpec spec, string signature, List<string> conditions, string parameters, string arguments, string given, string shapeName)
    {
        var family = spec.Family;
        var unconditioned = conditions.Count == 0;
        var sampleParameters = DrawParameters.List(conditions, shapeName);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var sampleTypes = DrawParameters.Types(conditions.Count);
        var batch = (unconditioned ? "batchN: batchSize, " : "") + $"sampleShape: {shapeName}, ";
        var quoted = CSharpText.Quote(spec.Variable);
        var variable = CSharpText.Escape(spec.Variable);
        var logProbParameters = string.Join(", ", new[] { $"{Tensor} {variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));
        var valueInputs = $"this.Params({arguments}).With({quoted}, {variable})";
        var members = new List<(string?, string, string)>
        {
            (spec.Members.ForMethod("Params", tensors), $"The inputs of <c>{signature}</c>{given} as the dynamic API takes them.",
                $"{RuntimeNames.Variables} Params({parameters}) => {DynamicInputs(spec, conditions)};"),
        };
        var draws = new List<(string Name, string Reparam, string What)> { ("Sample", "false", "without gradient") };
        if (family.HasReparam) draws.Add(("RSample", "true", "with gradients through the flow"));
        foreach (var (name, reparam, what) in draws)
            members.Add((spec.Members.ForMethod(name, sampleTypes), $"Draws {spec.Variable} ~ <c>{signature}</c>{given} {what}; <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} {name}({sampleParameters}) => this.Sample(this.Params({arguments}), {batch}reparam: {reparam}, returnAll: false)[{quoted}];"));
        var density = family.IsMixture ? "the log-sum-exp over the components"
            : family.Name == GeneratedFamilies.MixturePosterior ? "the log-responsibility of the component"
            : "the base density and the flow's log-determinant";
        members.Add((spec.Members.ForMethod("LogProb", withValue), $"log <c>{signature}</c>: {density}, one value per batch element.",
            $"{Tensor} LogProb({logProbParameters}) => this.LogProb({valueInputs});"));
        if (family.IsMixture)
            members.Add((spec.Members.ForMethod("Responsibilities", withValue), $"The posterior over the component given {spec.Variable}: p(component = k | {spec.Variable}) for every k, component dimension last.",
                $"{Tensor} Responsibilities({logProbParameters}) => this.Responsibilities({valueInputs});"));
        WriteMembers(w, members);
    }

    /// <summary>The conditioning values as the dynamic API takes them: <c>Variables.Of(("x", x), ...)</c>.</summary>
    private static string DynamicInputs(DistributionSpec spec, IReadOnlyList<string> conditions) =>
        conditions.Count == 0 ? $"{RuntimeNames.Variables}.Empty" : $"{RuntimeNames.Variables}.Of({string.Join(", ", spec.CondVars.Zip(conditions, (name, code) => $"({CSharpText.Quote(name)}, {code})"))})";
}
