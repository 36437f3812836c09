using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.Generator.Emit;

/// <summary>User text and names as C#: identifiers, string literals and doc-comment text that are safe for any input.</summary>
internal static class CSharpText
{
    /// <summary>A name as C# code: <c>@class</c> for a keyword, the name itself otherwise.</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// A distribution member read by generated code as <c>this.@Name!</c>: no local or parameter can shadow it, and a
    /// member the user declared nullable (<c>Encoder?</c>) is read as present, as the model's own code reads it.
    /// </summary>
    public static string ThisMember(string name) => "this." + Escape(name) + "!";

    /// <summary>A C# string literal of DSL text (which may hold any character the user typed).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text safe inside a <c>///</c> comment: XML-escaped, and every character that would end the comment's line
    /// (C# new-lines: CR, LF, U+0085, U+2028, U+2029) or is not valid XML text (controls, format characters, lone
    /// surrogates) written as a visible <c>\uXXXX</c>.
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); continue;
                case '<': builder.Append("&lt;"); continue;
                case '>': builder.Append("&gt;"); continue;
                case '\n' or '\r': builder.Append(' '); continue;
                case '\t': builder.Append(c); continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            var unsafeChar = char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (unsafeChar) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A <c>string[]</c> expression of these items.</summary>
    public static string Array(System.Collections.Generic.IEnumerable<string> items)
    {
        var list = string.Join(", ", items.Select(Quote));
        return list.Length == 0 ? "global::System.Array.Empty<string>()" : $"new[] {{ {list} }}";
    }

    /// <summary>A double literal in invariant culture that C# reads back exactly.</summary>
    public static string Literal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + "d";
    }
}
