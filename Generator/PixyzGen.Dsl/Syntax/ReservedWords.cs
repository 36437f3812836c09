using System.Collections.Generic;

namespace PixyzGen.Dsl.Syntax;

/// <summary>Words a distribution or variable may not be named: the DSL's own and C#'s keywords (names become C# identifiers).</summary>
public static class ReservedWords
{
    public const string Log = "log";
    public const string Expectation = "E";
    public const string Kl = "KL";
    public const string Entropy = "H";
    public const string Mean = "mean";
    public const string Sum = "sum";

    public static readonly ISet<string> Dsl = new HashSet<string> { Log, Expectation, Kl, Entropy, Mean, Sum };

    public static readonly ISet<string> CSharpKeywords = new HashSet<string>
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };
}
