using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Plan;

/// <summary>
/// Plans the typed members of one <c>[Distribution]</c> class. Members are reached through <c>this.</c> so a variable
/// named like one (<c>Params</c>, <c>LogProbOf</c>) never shadows it; a member the user already declared is left out
/// (<see cref="ExistingMembers"/>).
/// </summary>
internal static class DistributionPlanner
{
    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The file's hint stem and a key unique to it, for <see cref="HintNames"/>.</summary>
    public static OutputStem Output(DistributionSpec spec) => new($"{spec.Type.MetadataStem}.Distribution", "D:" + spec.Type.Key);

    public static TypePlan Plan(DistributionSpec spec)
    {
        var members = new List<PlannedMember>();
        Members(members, spec);
        return new TypePlan(spec.Type, Output(spec), spec.AcceptedDiagnostics, members.ToEquatableArray(), spec.Members.Inherited, spec.Members.GeneratedBases);
    }

    private static void Members(List<PlannedMember> plan, DistributionSpec spec)
    {
        var existing = spec.Members;
        var signature = CSharpText.Xml(spec.SignatureText);
        var family = spec.Family;
        var conditions = spec.CondVars.Select(CSharpText.Escape).ToList();
        var tensors = spec.CondVars.Select(_ => Tensor).ToArray();
        var parameters = string.Join(", ", conditions.Select(c => $"{Tensor} {c}"));
        var arguments = string.Join(", ", conditions);
        // Without conditioning variables a draw needs a batch size; with them, the inputs carry it. Either takes a sample shape.
        var shapeName = DrawParameters.ShapeName(spec.CondVars);
        var sampleParameters = DrawParameters.List(conditions, shapeName);
        var sampleTypes = DrawParameters.Types(conditions.Count);
        var sampleShape = ", " + DrawParameters.Leading(conditions.Count, shapeName);
        var given = conditions.Count == 0 ? "" : $" given {string.Join(", ", spec.CondVars)}";
        var variable = CSharpText.Escape(spec.Variable);

        if (!existing.DeclaresName(GeneratedNames.Signature))
            plan.Add(PlannedMember.Constant(GeneratedNames.Signature, $"The signature <c>{signature}</c>.", CSharpText.Quote(spec.SignatureText)));
        if (!existing.DeclaresName(GeneratedNames.Latex))
            plan.Add(PlannedMember.Constant(GeneratedNames.Latex, $"The signature <c>{signature}</c> in LaTeX.", CSharpText.Quote(spec.LatexText)));
        if (!existing.DeclaresName(GeneratedNames.DeclaredSignature))
            plan.Add(PlannedMember.Override(GeneratedNames.DeclaredSignature, PlannedMember.InheritDoc, true, "protected override",
                $"{RuntimeNames.DistributionSignature} DeclaredSignature {{ get; }} = new({CSharpText.Quote(spec.Name)}, {CSharpText.Array(new[] { spec.Variable })}, {CSharpText.Array(spec.CondVars)});"));

        if (family.IsCustomDensity)
        {
            CustomDensity(plan, spec, signature, conditions, parameters, given);
            return;
        }
        if (family.IsComposite)
        {
            Composite(plan, spec, signature, conditions, parameters, arguments, given, shapeName);
            return;
        }
        if (spec.IsProductOfExperts)
        {
            ProductOfExperts(plan, spec, signature, conditions);
            return;
        }

        if (!existing.DeclaresMethod(GeneratedNames.Params, tensors))
        {
            var paramsType = RuntimeNames.ParamsType(family);
            var declaration = spec.ForwardError is { } error
                ? $"{paramsType} Params({parameters}) => throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"{error.Id}: {error.Message}")});"
                : spec.HasForward
                    // Within a loss evaluation every caller (the loss, a product of experts, the dynamic API) shares one pass per input.
                    ? $"{paramsType} Params({parameters}) => {RuntimeNames.ForwardMemo}.Get(this, {Inputs(conditions)}, () => this.Forward({arguments}));"
                    : $"{paramsType} Params() => this.ConstantParams;";
            plan.Add(PlannedMember.PublicMethod(GeneratedNames.Params, tensors,
                $"The parameters of <c>{signature}</c>{given}: {(spec.HasForward ? "one call of Forward" : "the constants")}.", declaration));
        }

        if (family.IsDeterministic)
        {
            Deterministic(plan, spec, signature, parameters, arguments, given, tensors);
            return;
        }

        if ((spec.HasForward || spec.ForwardError is not null) && !existing.DeclaresName(GeneratedNames.ParamsFor))
            // The bridge to the dynamic API: Sample(Variables), LogProb(Variables), products and losses reach Forward here.
            plan.Add(PlannedMember.Override(GeneratedNames.ParamsFor,
                PlannedMember.Summary($"The parameters of <c>{signature}</c> for the dynamic API: {(conditions.Count == 0 ? "Forward()" : $"Forward on inputs {string.Join(", ", spec.CondVars)}")}."),
                true, "protected override", $"{RuntimeNames.ParamsType(family)} ParamsFor({RuntimeNames.Variables} inputs) => this.Params({NamedInputs(spec)});"));

        var paramsCall = $"this.Params({arguments})";
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var members = new List<PlannedMember>
        {
            PlannedMember.PublicMethod(GeneratedNames.Sample, sampleTypes, $"Draws {spec.Variable} ~ <c>{signature}</c>{given}, without gradient; <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} Sample({sampleParameters}) => this.SampleFrom({paramsCall}{sampleShape});"),
        };
        if (family.HasReparam)
            members.Add(PlannedMember.PublicMethod(GeneratedNames.RSample, sampleTypes, $"Draws {spec.Variable} ~ <c>{signature}</c>{given} with the reparameterization trick (gradients flow); <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} RSample({sampleParameters}) => this.RSampleFrom({paramsCall}{sampleShape});"));
        members.Add(PlannedMember.PublicMethod(GeneratedNames.LogProb, withValue, $"log <c>{signature}</c>, summed over feature dimensions: one value per batch element.",
            $"{Tensor} LogProb({LogProbParameters(variable, conditions)}) => this.LogProbOf({paramsCall}, {variable}, {CSharpText.Quote(spec.Variable)});"));
        members.Add(PlannedMember.PublicMethod(GeneratedNames.Mean, tensors, $"The mean of <c>{signature}</c>{given}.", $"{Tensor} Mean({parameters}) => this.MeanOf({paramsCall});"));
        if (family.HasEntropy)
            members.Add(PlannedMember.PublicMethod(GeneratedNames.Entropy, tensors, $"The entropy H[<c>{signature}</c>]{given}, summed over feature dimensions.",
                $"{Tensor} Entropy({parameters}) => this.EntropyOf({paramsCall});"));
        AddUndeclared(plan, existing, members);
    }

    /// <summary>The public methods the user has not declared.</summary>
    private static void AddUndeclared(List<PlannedMember> plan, ExistingMembers existing, IEnumerable<PlannedMember> methods) =>
        plan.AddRange(methods.Where(m => !existing.DeclaresMethod(m.Name, m.ParameterTypes.ToArray())));

    private static string Inputs(IReadOnlyList<string> conditions) =>
        conditions.Count == 0 ? $"global::System.Array.Empty<{Tensor}>()" : $"new {Tensor}[] {{ {string.Join(", ", conditions)} }}";

    private static string LogProbParameters(string variable, IEnumerable<string> conditions) =>
        string.Join(", ", new[] { $"{Tensor} {variable}" }.Concat(conditions.Select(c => $"{Tensor} {c}")));

    private static string NamedInputs(DistributionSpec spec) =>
        string.Join(", ", spec.CondVars.Select(c => $"this.Require(inputs, {CSharpText.Quote(c)})"));

    /// <summary>A deterministic variable: drawing it is evaluating Forward; there is no density, entropy or KL.</summary>
    private static void Deterministic(List<PlannedMember> plan, DistributionSpec spec, string signature, string parameters, string arguments, string given, string[] tensors)
    {
        if (!spec.Members.DeclaresMethod(GeneratedNames.Forward, RuntimeNames.Variables))
            plan.Add(PlannedMember.Override(GeneratedNames.Forward, PlannedMember.Summary($"The value of <c>{signature}</c> for the dynamic API: Forward on the named inputs."), true,
                "protected override", $"{Tensor} Forward({RuntimeNames.Variables} inputs) => this.Params({NamedInputs(spec)});"));
        AddUndeclared(plan, spec.Members, new[] { (GeneratedNames.Sample, "The value"), (GeneratedNames.RSample, "The value (gradients flow)"), (GeneratedNames.Mean, "The value") }.Select(m =>
            PlannedMember.PublicMethod(m.Item1, tensors, $"{m.Item2} of {spec.Variable} in <c>{signature}</c>{given}: one call of Forward.",
                $"{Tensor} {m.Item1}({parameters}) => this.Params({arguments});")));
    }

    /// <summary>
    /// A product of Gaussian experts: every input is optional (a missing modality is null and its expert is left out);
    /// the parameters are NormalPoE's combination of the prior and the experts whose inputs are given.
    /// </summary>
    private static void ProductOfExperts(List<PlannedMember> plan, DistributionSpec spec, string signature, List<string> conditions)
    {
        var optional = string.Join(", ", conditions.Select(c => $"{Tensor}? {c} = null"));
        var arguments = string.Join(", ", conditions);
        var named = string.Join(", ", spec.CondVars.Zip(conditions, (name, code) => $"({CSharpText.Quote(name)}, {code})"));
        var variable = CSharpText.Escape(spec.Variable);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var forms = new[]
        {
            (RuntimeNames.NormalParams, GeneratedNames.Params, "", $"this.ExpertParams({RuntimeNames.Variables}.OfPresent({named}), validate: false)", "The combined parameters", tensors),
            (Tensor, GeneratedNames.Sample, "", $"this.SampleFrom(this.Params({arguments}))", $"Draws {spec.Variable} ~", tensors),
            (Tensor, GeneratedNames.RSample, "", $"this.RSampleFrom(this.Params({arguments}))", $"Draws {spec.Variable} (reparameterized) ~", tensors),
            (Tensor, GeneratedNames.LogProb, $"{Tensor} {variable}, ", $"this.LogProbOf(this.Params({arguments}), {variable}, {CSharpText.Quote(spec.Variable)})", "log", withValue),
            (Tensor, GeneratedNames.Mean, "", $"this.MeanOf(this.Params({arguments}))", "The mean of", tensors),
            (Tensor, GeneratedNames.Entropy, "", $"this.EntropyOf(this.Params({arguments}))", "The entropy of", tensors),
        };
        AddUndeclared(plan, spec.Members, forms.Select(f => PlannedMember.PublicMethod(f.Item2, f.Item6,
            $"{f.Item5} <c>{signature}</c>, the product of the prior and the experts whose inputs are not null.",
            $"{f.Item1} {f.Item2}({f.Item3}{optional}) => {f.Item4};")));
    }

    /// <summary>
    /// A custom density: the dynamic API's LogDensityFor calls the user's LogDensity (value, then conditioning variables),
    /// and the typed LogProb goes through the dynamic LogProb, so both sum past the batch dimensions by one rule. There is
    /// no Sample: a custom density cannot draw (loss terms that would are PXY0211).
    /// </summary>
    private static void CustomDensity(List<PlannedMember> plan, DistributionSpec spec, string signature, List<string> conditions, string parameters, string given)
    {
        var variable = CSharpText.Escape(spec.Variable);
        var quoted = CSharpText.Quote(spec.Variable);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var arguments = string.Join(", ", conditions);
        if (!spec.Members.DeclaresName(GeneratedNames.LogDensityFor))
        {
            var named = string.Join(", ", new[] { spec.Variable }.Concat(spec.CondVars).Select(v => $"this.Require(values, {CSharpText.Quote(v)})"));
            plan.Add(PlannedMember.Override(GeneratedNames.LogDensityFor, PlannedMember.Summary($"The log-density of <c>{signature}</c> for the dynamic API: LogDensity on the named values."), true,
                "protected override", spec.ForwardError is { } error
                    ? $"{Tensor} LogDensityFor({RuntimeNames.Variables} values) => throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"{error.Id}: {error.Message}")});"
                    : $"{Tensor} LogDensityFor({RuntimeNames.Variables} values) => this.{GeneratedFamilies.LogDensityMethod}({named});"));
        }
        AddUndeclared(plan, spec.Members, new[]
        {
            PlannedMember.PublicMethod(GeneratedNames.Params, tensors, $"The conditioning values of <c>{signature}</c>{given} as the dynamic API takes them.",
                $"{RuntimeNames.Variables} Params({parameters}) => {DynamicInputs(spec, conditions)};"),
            PlannedMember.PublicMethod(GeneratedNames.LogProb, new[] { Tensor }.Concat(tensors).ToArray(), $"log <c>{signature}</c> as LogDensity gives it (unnormalized if it is), one value per batch element.",
                $"{Tensor} LogProb({LogProbParameters(variable, conditions)}) => this.LogProb(this.Params({arguments}).With({quoted}, {variable}));"),
        });
    }

    /// <summary>
    /// A distribution built from others (a flow, a mixture, a mixture's posterior): typed wrappers over the dynamic API,
    /// its "parameters" being the inputs as Variables. RSample where the family reparameterizes; a mixture also gives
    /// its responsibilities.
    /// </summary>
    private static void Composite(List<PlannedMember> plan, DistributionSpec spec, string signature, List<string> conditions, string parameters, string arguments, string given, string shapeName)
    {
        var family = spec.Family;
        var sampleParameters = DrawParameters.List(conditions, shapeName);
        var tensors = conditions.Select(_ => Tensor).ToArray();
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var sampleTypes = DrawParameters.Types(conditions.Count);
        var batch = (conditions.Count == 0 ? "batchN: batchSize, " : "") + $"sampleShape: {shapeName}, ";
        var quoted = CSharpText.Quote(spec.Variable);
        var variable = CSharpText.Escape(spec.Variable);
        var logProbParameters = LogProbParameters(variable, conditions);
        var valueInputs = $"this.Params({arguments}).With({quoted}, {variable})";
        var members = new List<PlannedMember>
        {
            PlannedMember.PublicMethod(GeneratedNames.Params, tensors, $"The inputs of <c>{signature}</c>{given} as the dynamic API takes them.",
                $"{RuntimeNames.Variables} Params({parameters}) => {DynamicInputs(spec, conditions)};"),
        };
        var draws = new List<(string Name, string Reparam, string What)> { (GeneratedNames.Sample, "false", "without gradient") };
        if (family.HasReparam) draws.Add((GeneratedNames.RSample, "true", "with gradients through the flow"));
        foreach (var (name, reparam, what) in draws)
            members.Add(PlannedMember.PublicMethod(name, sampleTypes, $"Draws {spec.Variable} ~ <c>{signature}</c>{given} {what}; <paramref name=\"{shapeName}\"/> adds leading dimensions.",
                $"{Tensor} {name}({sampleParameters}) => this.Sample(this.Params({arguments}), {batch}reparam: {reparam}, returnAll: false)[{quoted}];"));
        var density = family.IsMixture ? "the log-sum-exp over the components"
            : family.Name == GeneratedFamilies.MixturePosterior ? "the log-responsibility of the component"
            : "the base density and the flow's log-determinant";
        members.Add(PlannedMember.PublicMethod(GeneratedNames.LogProb, withValue, $"log <c>{signature}</c>: {density}, one value per batch element.",
            $"{Tensor} LogProb({logProbParameters}) => this.LogProb({valueInputs});"));
        if (family.IsMixture)
            members.Add(PlannedMember.PublicMethod(GeneratedNames.Responsibilities, withValue, $"The posterior over the component given {spec.Variable}: p(component = k | {spec.Variable}) for every k, component dimension last.",
                $"{Tensor} Responsibilities({logProbParameters}) => this.Responsibilities({valueInputs});"));
        AddUndeclared(plan, spec.Members, members);
    }

    /// <summary>The conditioning values as the dynamic API takes them: <c>Variables.Of(("x", x), ...)</c>.</summary>
    private static string DynamicInputs(DistributionSpec spec, IReadOnlyList<string> conditions) =>
        conditions.Count == 0 ? $"{RuntimeNames.Variables}.Empty" : $"{RuntimeNames.Variables}.Of({string.Join(", ", spec.CondVars.Zip(conditions, (name, code) => $"({CSharpText.Quote(name)}, {code})"))})";
}
