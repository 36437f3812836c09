using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Dsl.Parsing;

/// <summary>A parsed value (null when the text could not be parsed) and the errors found.</summary>
public sealed record ParseResult<T>(T? Value, EquatableArray<DslError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}
