using System.Collections.Generic;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Lexing;

/// <summary>Splits a DSL string into tokens. Total: every input yields a token list ending in EndOfText.</summary>
public static class Lexer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            var start = i;
            if (IsIdentifierStart(c))
            {
                // "E_" directly followed by a name opens an expectation: E_q(z|x)[...].
                if (c == 'E' && i + 2 < text.Length && text[i + 1] == '_' && IsIdentifierStart(text[i + 2]) && text[i + 2] != '_')
                {
                    tokens.Add(new Token(TokenKind.ExpectationPrefix, "E_", new TextRange(i, 2)));
                    i += 2;
                    continue;
                }
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                tokens.Add(Make(TokenKind.Identifier, text, start, i));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                tokens.Add(Make(TokenKind.Number, text, start, i));
                continue;
            }
            if (c == '|' && i + 1 < text.Length && text[i + 1] == '|')
            {
                tokens.Add(Make(TokenKind.DoublePipe, text, start, i + 2));
                i += 2;
                continue;
            }
            var kind = c switch
            {
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                '|' => TokenKind.Pipe,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equals,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '^' => TokenKind.Caret,
                _ => TokenKind.Unknown,
            };
            // Keep surrogate pairs together so an error span never splits a character.
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            tokens.Add(Make(kind, text, start, i + length));
            i += length;
        }
        tokens.Add(new Token(TokenKind.EndOfText, "", new TextRange(text.Length, 0)));
        return tokens;
    }

    public static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    public static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsDigit(text[i])) i++;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
            if (j < text.Length && char.IsDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsDigit(text[i])) i++;
            }
        }
        return i;
    }

    private static Token Make(TokenKind kind, string text, int start, int end) =>
        new(kind, text.Substring(start, end - start), TextRange.FromBounds(start, end));
}
