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
    public const string Mmd = "MMD";
    public const string MmdInverseMultiquadric = "MMD_imq";

    /// <summary>MMD's kernel width setting, <c>MMD(q || p, sigma2 = 32)</c>: meaningful only there, so not reserved.</summary>
    public const string KernelWidth = "sigma2";

    /// <summary>The setting of a relaxed family's temperature in an expectation: <c>E_q(y|x, temperature = tau)[...]</c> (not reserved as a name).</summary>
    public const string Temperature = "temperature";
    public const string Iterate = "iterate";

    /// <summary>The adversarial objectives: generator and discriminator sides of JS and Wasserstein.</summary>
    public static readonly string[] Adversarial = { "ADV_JS", "ADV_JS_D", "ADV_W", "ADV_W_D" };

    private static readonly HashSet<string> DslWords = new() { Log, Expectation, Kl, Entropy, Mean, Sum, Mmd, MmdInverseMultiquadric, Iterate };

    private static readonly HashSet<string> CSharpKeywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The k of <c>IWAE_k</c> (names of this shape are reserved for the importance-weighted bound), or null.</summary>
    public static int? IwaeCount(string name)
    {
        const string prefix = "IWAE_";
        if (!name.StartsWith(prefix, System.StringComparison.Ordinal) || name.Length == prefix.Length) return null;
        var digits = name.Substring(prefix.Length);
        foreach (var c in digits)
            if (c < '0' || c > '9') return null;
        return digits.Length > 6 ? int.MaxValue : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The parameter named by <c>IWAE_k</c> when k is a name rather than digits (<c>IWAE_k(...)</c>, the count given at each
    /// call), or null.
    /// </summary>
    public static string? IwaeCountParameter(string name)
    {
        const string prefix = "IWAE_";
        if (!name.StartsWith(prefix, System.StringComparison.Ordinal) || name.Length == prefix.Length || IwaeCount(name) is not null) return null;
        var suffix = name.Substring(prefix.Length);
        return char.IsDigit(suffix[0]) ? null : suffix;
    }

    /// <summary>log, E, KL, H, mean, sum, MMD or iterate.</summary>
    public static bool IsDslWord(string name) => DslWords.Contains(name) || System.Array.IndexOf(Adversarial, name) >= 0;

    public static bool IsCSharpKeyword(string name) => CSharpKeywords.Contains(name);
}
