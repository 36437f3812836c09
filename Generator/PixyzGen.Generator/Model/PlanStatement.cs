using PixyzGen.Dsl;

namespace PixyzGen.Generator.Model;

/// <summary>One statement of a planned loss body: it computes <see cref="Local"/> once for every term that needs it.</summary>
internal abstract record PlanStatement(PlanLocal Local);

/// <summary>One forward pass: the member's parameters at these inputs.</summary>
internal sealed record ParametersStatement(PlanLocal Local, MemberSpec Member, EquatableArray<PlanExpression> Inputs) : PlanStatement(Local);

/// <summary>
/// A draw of the member's variable from its parameters (reparameterized when the family allows it). A flow's draw keeps
/// everything it drew in <see cref="Drawn"/> (its latent too), so scoring the draw needs no inverse.
/// </summary>
internal sealed record DrawStatement(PlanLocal Local, MemberSpec Member, PlanLocal Parameters, DrawCount Count, PlanLocal? Drawn = null) : PlanStatement(Local);

/// <summary>A relaxed member's temperature set for the whole call and restored after it (<c>E_q(y|x, temperature = tau)</c>).</summary>
internal sealed record TemperatureStatement(PlanLocal Local, MemberSpec Member, PlanExpression Value) : PlanStatement(Local);

/// <summary>A long sum or product so far, kept in a local so the expression going on from it stays shallow: a tensor, or a double of numbers and hyper-parameters.</summary>
internal sealed record PartialResultStatement(PlanLocal Local, PlanExpression Value, bool IsSum, bool IsTensor) : PlanStatement(Local);

/// <summary>
/// <c>iterate(x | h = h_prev)[step]</c>: the step's own statements and value, run once per element of
/// <see cref="Length"/>'s first dimension with <see cref="Slices"/> cut at <see cref="Index"/> and the carried state in
/// <see cref="States"/> (from <see cref="Carried"/>, first <see cref="Initial"/>, then <see cref="Next"/>), and summed.
/// </summary>
internal sealed record IterationStatement(
    PlanLocal Local, EquatableArray<string> SeriesNames, PlanExpression Length, EquatableArray<PlanExpression> Initial,
    PlanLocal Index, PlanLocal Carried, EquatableArray<SeriesSlice> Slices, EquatableArray<PlanLocal> States,
    EquatableArray<PlanStatement> Body, PlanExpression Value, EquatableArray<PlanLocal> Next) : PlanStatement(Local);

/// <summary>This step's slice of a series.</summary>
internal sealed record SeriesSlice(PlanLocal Local, PlanExpression Series);

/// <summary>How many values a draw takes.</summary>
internal abstract record DrawCount;

/// <summary>One per row of the member's inputs (a member without inputs takes the <c>SamplingBatch</c> in force).</summary>
internal sealed record OnePerInput : DrawCount;

/// <summary><paramref name="Count"/> draws stacked in a new first dimension.</summary>
internal sealed record StackedDraws(int Count) : DrawCount;

/// <summary>As many draws as the method's whole-number parameter <paramref name="Parameter"/> says, stacked in a new first dimension.</summary>
internal sealed record StackedDrawsOf(string Parameter) : DrawCount;

/// <summary>
/// As many as <paramref name="Rows"/> has rows: a prior with no inputs drawn to match the data
/// (or, with <paramref name="MatchesDraw"/>, to match another draw).
/// </summary>
internal sealed record OnePerRowOf(PlanExpression Rows, bool MatchesDraw) : DrawCount;
