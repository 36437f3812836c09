using PixyzGen.Dsl;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Model;

/// <summary>A distribution member of a model, resolved: its single variable, conditioning variables and family.</summary>
internal sealed record MemberSpec(string Name, string SignatureText, string Variable, EquatableArray<string> CondVars, FamilyFacts Family)
{
    /// <summary>The member as C# code inside the model: <c>this.@Q</c>, which no local or parameter can shadow.</summary>
    public string Code => "this." + Emit.CSharpText.Escape(Name);
}

/// <summary>One ancestral step: <c>var z = Pz.Sample(batch)</c>.</summary>
internal sealed record SamplingStep(string Variable, string Member, string SignatureText, EquatableArray<string> CondVars);

/// <summary>
/// Ancestral sampling and joint log-density of a valid factorization. Inputs are the joint's conditioning variables;
/// without <see cref="HasDensity"/> (a deterministic factor) there is no joint log-density.
/// </summary>
internal sealed record SamplingPlan(EquatableArray<SamplingStep> Steps, EquatableArray<string> Inputs, EquatableArray<string> Outputs, bool Marginalizes, bool HasDensity = true);

/// <summary>
/// One hoisted local of a loss body: computed once, used by every term that needs it. An <see cref="Iteration"/> local is
/// the sum of a step planned on its own (an <c>iterate(...)[...]</c> term), emitted as a lambda.
/// </summary>
internal sealed record PlannedStatement(string Local, string Expression, string Comment, PlannedIteration? Iteration = null);

/// <summary>
/// <c>Iteration.Sum(Steps, new[] { Initial }, (StepIndex, CarriedName) =&gt; { Prelude; Body; return (Value, new[] { Next }); })</c>.
/// </summary>
internal sealed record PlannedIteration(
    string Steps, EquatableArray<string> Initial, string StepIndex, string CarriedName, EquatableArray<string> Prelude,
    EquatableArray<PlannedStatement> Body, string Value, EquatableArray<string> Next);

/// <summary>
/// A loss body: statements then the result expression, in a dispose scope held by <see cref="ScopeLocal"/> (locals
/// named apart from the method's parameters); or, when the formula or the method is invalid, <see cref="Error"/>,
/// the diagnostic the generated body throws.
/// </summary>
internal sealed record LossSpec(
    LossMethod Method, EquatableArray<PlannedStatement> Statements, string ResultExpression, DslError? Error, string? LatexText = null,
    string ScopeLocal = "scope", string ResultLocal = "result");

/// <summary>
/// What to generate for one <c>[Model]</c> class. <see cref="Sampling"/> is null when the factorization is invalid;
/// <see cref="SamplingError"/> then holds the diagnostic that the generated <c>Sample</c> throws. <see cref="LatexText"/> and
/// <see cref="DotText"/> render a factorization that parses. Without <see cref="IsModel"/> (a type with [Loss] methods but
/// no [Model], or a generic model) only the loss methods are written, with bodies that throw their diagnostic.
/// </summary>
internal sealed record ModelSpec(
    TypeIdentity Type, string FactorizationText, EquatableArray<MemberSpec> Members, SamplingPlan? Sampling, DslError? SamplingError,
    EquatableArray<LossSpec> Losses, string? LatexText, string? DotText, ExistingMembers Existing, bool IsModel = true);
