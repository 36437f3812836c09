using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Lexing;

public readonly record struct Token(TokenKind Kind, string Text, TextRange Range)
{
    public string Describe() => Kind == TokenKind.EndOfText ? "end of text" : $"'{Text}'";
}
