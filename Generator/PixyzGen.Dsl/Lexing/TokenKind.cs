namespace PixyzGen.Dsl.Lexing;

public enum TokenKind
{
    Identifier,
    Number,
    /// <summary><c>E_</c> that opens an expectation, as in <c>E_q(z|x)[...]</c>.</summary>
    ExpectationPrefix,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Pipe,
    DoublePipe,
    Comma,
    Equals,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    /// <summary>A character the DSL does not use.</summary>
    Unknown,
    EndOfText,
}
