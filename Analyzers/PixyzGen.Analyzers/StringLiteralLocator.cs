using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Analyzers;

/// <summary>
/// Maps a span of a DSL string to source: the exact characters inside the literal when its text equals its value
/// (no escapes), otherwise the whole literal (escapes, interpolation or a constant from elsewhere).
/// </summary>
internal static class StringLiteralLocator
{
    public static Location Locate(ExpressionSyntax? expression, TextRange range, Location fallback)
    {
        if (expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return expression?.GetLocation() ?? fallback;
        var token = literal.Token;
        var text = token.Text;
        var value = token.ValueText;
        var opening = OpeningLength(text, value);
        if (opening < 0) return literal.GetLocation();
        var start = token.SpanStart + opening + range.Start;
        return Location.Create(literal.SyntaxTree, new TextSpan(start, range.Length));
    }

    // How many characters precede the value in the literal's text, or -1 when the text is not "prefix + value + suffix".
    private static int OpeningLength(string text, string value)
    {
        var prefix = 0;
        while (prefix < text.Length && (text[prefix] == '"' || text[prefix] == '@')) prefix++;
        if (prefix == 0 || prefix + value.Length > text.Length) return -1;
        if (string.CompareOrdinal(text, prefix, value, 0, value.Length) != 0) return -1;
        var rest = text.Substring(prefix + value.Length);
        return rest.Trim('"').Length == 0 ? prefix : -1;
    }
}
