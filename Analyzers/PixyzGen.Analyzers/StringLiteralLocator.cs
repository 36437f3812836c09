using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Analyzers;

/// <summary>
/// Maps a span of a DSL string to source: the exact characters inside the literal when its text equals its value
/// (no escapes), otherwise the whole literal (escapes, interpolation or a constant from elsewhere). The literal is
/// compared once, so a string with many diagnostics costs no more per diagnostic than a short one.
/// </summary>
internal sealed class StringLiteralLocator
{
    private readonly ExpressionSyntax? expression;
    private readonly Location fallback;
    private int opening = -2;   // not computed yet

    public StringLiteralLocator(ExpressionSyntax? expression, Location fallback)
    {
        this.expression = expression;
        this.fallback = fallback;
    }

    public Location Locate(TextRange range)
    {
        if (expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return expression?.GetLocation() ?? fallback;
        if (opening == -2) opening = OpeningLength(literal.Token.Text, literal.Token.ValueText);
        if (opening < 0 || range.End > literal.Token.ValueText.Length) return literal.GetLocation();
        return Location.Create(literal.SyntaxTree, new TextSpan(literal.Token.SpanStart + opening + range.Start, range.Length));
    }

    // How many characters precede the value in the literal's text, or -1 when the text is not "prefix + value + suffix".
    private static int OpeningLength(string text, string value)
    {
        var prefix = 0;
        while (prefix < text.Length && (text[prefix] == '"' || text[prefix] == '@')) prefix++;
        if (prefix == 0 || prefix + value.Length > text.Length) return -1;
        if (string.CompareOrdinal(text, prefix, value, 0, value.Length) != 0) return -1;
        for (var i = prefix + value.Length; i < text.Length; i++)
            if (text[i] != '"') return -1;
        return prefix;
    }
}
