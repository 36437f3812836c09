namespace PixyzGen.Dsl.Text;

/// <summary>A span of a DSL string, in UTF-16 code units relative to the string's first character.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public static TextRange FromBounds(int start, int end) => new(start, end - start);

    public TextRange Cover(TextRange other) => FromBounds(System.Math.Min(Start, other.Start), System.Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}
