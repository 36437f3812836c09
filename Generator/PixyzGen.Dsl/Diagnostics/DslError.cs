using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Diagnostics;

/// <summary>An error found in a DSL string, as a value: an ID of <see cref="DiagnosticIds"/>, a span and message arguments.</summary>
public sealed record DslError(string Id, TextRange Range, EquatableArray<string> Args)
{
    public static DslError Create(string id, TextRange range, params string[] args) => new(id, range, EquatableArray.Create(args));

    public string Message => DiagnosticCatalog.Format(this);

    public override string ToString() => $"{Id} {Range}: {Message}";
}
