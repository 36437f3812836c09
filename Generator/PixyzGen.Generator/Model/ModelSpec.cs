using PixyzGen.Dsl;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Model;

/// <summary>A distribution member of a model, resolved: its single variable, conditioning variables and family.</summary>
internal sealed record MemberSpec(string Name, string SignatureText, string Variable, EquatableArray<string> CondVars, FamilyFacts Family);

/// <summary>One ancestral step: <c>var z = Pz.Sample(batch)</c>.</summary>
internal sealed record SamplingStep(string Variable, string Member, string SignatureText, EquatableArray<string> CondVars);

/// <summary>
/// Ancestral sampling and joint log-density of a valid factorization. Inputs are the joint's conditioning variables;
/// without <see cref="HasDensity"/> (a deterministic factor) there is no joint log-density, without <see cref="CanDraw"/>
/// (a custom density's factor) no ancestral Sample. <see cref="Steps"/> are in
/// sampling order, <see cref="WrittenOrder"/> as the factorization lists them (the order the joint multiplies and sums
/// them, as the user's own <c>*</c> would).
/// </summary>
internal sealed record SamplingPlan(
    EquatableArray<SamplingStep> Steps, EquatableArray<string> Inputs, EquatableArray<string> Outputs, bool Marginalizes, bool HasDensity = true,
    string JointName = "p", EquatableArray<SamplingStep> WrittenOrder = default, bool CanDraw = true);

/// <summary>The shape of a model's <c>Sample</c>: the joint's conditioning variables (its inputs) and variables (what it returns).</summary>
internal sealed record SampleShape(EquatableArray<string> Inputs, EquatableArray<string> Outputs);

/// <summary>
/// A loss method to write: its <see cref="Plan"/>, or, when the formula or the method is invalid, <see cref="Error"/>,
/// the diagnostic the generated body throws.
/// </summary>
internal sealed record LossSpec(LossMethod Method, LossPlan? Plan, DslError? Error, string? LatexText = null);

/// <summary>
/// What to generate for one <c>[Model]</c> class. <see cref="Sampling"/> is null when the factorization is invalid;
/// <see cref="SamplingError"/> then holds the diagnostic that the generated <c>Sample</c> throws, and
/// <see cref="FailedSampleShape"/> the shape that Sample has (its joint's, where the joint reads; else one Tensor). <see cref="LatexText"/> and
/// <see cref="DotText"/> render a factorization that parses. Without <see cref="IsModel"/> (a type with [Loss] methods but
/// no [Model], a generic model, or a [Model] that is no GenerativeModel) only the loss methods are written, with bodies
/// that throw their diagnostic, and GenerativeModel's abstract members nothing implements (<see cref="ThrowingOverrides"/>)
/// throw <see cref="Unsupported"/>, so the type compiles and the analyzer's diagnostic shows.
/// <see cref="AcceptedDiagnostics"/> are suppressed in the file (<see cref="Extract.SymbolUsability"/>).
/// </summary>
internal sealed record ModelSpec(
    TypeIdentity Type, string FactorizationText, EquatableArray<MemberSpec> Members, SamplingPlan? Sampling, DslError? SamplingError,
    EquatableArray<LossSpec> Losses, string? LatexText, string? DotText, ExistingMembers Existing, bool IsModel = true,
    EquatableArray<string> ThrowingOverrides = default, string? Unsupported = null, EquatableArray<string> AcceptedDiagnostics = default,
    SampleShape? FailedSampleShape = null);
