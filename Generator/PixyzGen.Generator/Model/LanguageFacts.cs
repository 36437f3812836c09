namespace PixyzGen.Generator.Model;

/// <summary>
/// The project's language as generated text must respect it: its C# version (<see cref="Version"/>, Roslyn's numeric
/// LanguageVersion: 900 for C# 9) and the extern aliases under which it references the Runtime and TorchSharp (null when
/// they are in the global alias). Immutable and structurally equal; changes only when the project's settings do.
/// </summary>
internal sealed record LanguageFacts(int Version, string? RuntimeAlias = null, string? TorchSharpAlias = null)
{
    /// <summary>C# 9: extended partial methods (every [Loss] is one) and target-typed <c>new</c>.</summary>
    public const int OldestSupported = 900;

    public const string OldestSupportedText = "9.0";

    public static readonly LanguageFacts Latest = new(int.MaxValue);

    public bool IsSupported => Version >= OldestSupported;

    /// <summary>C# 10 has <c>record struct</c>.</summary>
    public bool HasRecordStructs => Version >= 1000;
}
