using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Dsl.Parsing;

/// <summary>
/// A parsed value (null when the text has errors) and the errors found. <see cref="Repaired"/> is the value the user
/// meant when every error was one the parser repaired in place (a LaTeX subscript in a name): code that must not
/// fail because of a reported error (the typed members of a distribution) can be written from it.
/// </summary>
public sealed record ParseResult<T>(T? Value, EquatableArray<DslError> Errors, T? Repaired = null)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}
