using System.Text;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Emit;

/// <summary>Indented text with '\n' line ends, so output is identical on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) text.Append(' ', indent * 4).Append(line);
        text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        indent++;
        return this;
    }

    /// <summary>One level deeper, for a block whose opening line was written on its own.</summary>
    public SourceWriter Indent()
    {
        indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    /// <summary>The lines written so far, without line ends: a member's body, to be indented where it is written.</summary>
    public EquatableArray<string> Lines()
    {
        var all = text.ToString();
        if (all.EndsWith("\n", System.StringComparison.Ordinal)) all = all.Substring(0, all.Length - 1);
        return all.Length == 0 ? EquatableArray<string>.Empty : all.Split('\n').ToEquatableArray();
    }

    public override string ToString() => text.ToString();
}
