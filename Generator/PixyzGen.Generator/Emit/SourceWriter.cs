using System.Text;

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

    public SourceWriter Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
