namespace PixyzGen.Dsl.Checking;

/// <summary>
/// A <c>Forward</c> method as the C# hosts read it, for <see cref="ForwardRule"/>: its parameters, whether it is generic,
/// and whether its return type converts to the family's parameter record (a fact the hosts compute with the compiler's
/// conversion rules, so a derived <c>Tensor</c> fits a Deterministic).
/// </summary>
public sealed record ForwardShape(EquatableArray<ForwardParameterShape> Parameters, bool IsGeneric, string ReturnType, bool ReturnFits);

/// <summary>
/// A parameter of <c>Forward</c>: its name, its type and modifier as written, and whether the generated call can pass it
/// a <c>Tensor</c> (by value, to a type a Tensor converts to).
/// </summary>
public sealed record ForwardParameterShape(string Name, string Type, string Modifier, bool TakesTensor);
