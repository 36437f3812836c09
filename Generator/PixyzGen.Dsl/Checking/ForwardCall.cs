namespace PixyzGen.Dsl.Checking;

/// <summary>
/// Which of a type's <c>Forward</c> overloads the generated call (Tensors, one per conditioning variable) binds to, as
/// the C# compiler decides it: <see cref="Bound"/> is its index among the overloads the rule reads, or -1 when none is
/// applicable, when the call is <see cref="Ambiguous"/> (the overloads it cannot choose between, as C# displays them),
/// or when it binds to a method generated code cannot use (<see cref="Unusable"/>: static, inaccessible, ...).
/// </summary>
public sealed record ForwardCall(int Bound, EquatableArray<string> Ambiguous, string? Unusable = null);
