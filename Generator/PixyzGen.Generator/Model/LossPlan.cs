using PixyzGen.Dsl;

namespace PixyzGen.Generator.Model;

/// <summary>
/// A local of a loss body. The planner only numbers it and says what it would like to be called;
/// <c>Emit/LossEmitter</c> names it (never a parameter, a keyword or an earlier local).
/// </summary>
internal sealed record PlanLocal(int Id, string Stem);

/// <summary>
/// A loss body as values: the statements in evaluation order (forward passes, draws, iterations, partial results),
/// then the result. <see cref="Locals"/> lists every local in the order it was created, which is the order names are
/// given in, so a body's names do not depend on how the emitter walks it.
/// </summary>
internal sealed record LossPlan(EquatableArray<PlanLocal> Locals, EquatableArray<PlanStatement> Statements, PlanExpression Result);
