using System;
using System.Linq;

namespace PixyzGen.Dsl.Syntax;

/// <summary>The DSL's functions as a user writes them, for messages about a name followed by '(' that is none of them.</summary>
public static class DslFunctions
{
    /// <summary>The words written before '(' and how each is used.</summary>
    private static readonly (string Word, string Usage)[] Called =
    {
        (ReservedWords.Mean, "mean(...)"),
        (ReservedWords.Sum, "sum(...)"),
        (ReservedWords.Kl, "KL(q(z|x) || p(z))"),
        (ReservedWords.Mmd, "MMD(q(z|x) || p(z))"),
        (ReservedWords.MmdInverseMultiquadric, "MMD_imq(q(z|x) || p(z))"),
        (ReservedWords.Iterate, "iterate(x | h = h_prev)[...]"),
        ("IWAE_k", "IWAE_k(p(x,z) || q(z|x))"),
    };

    /// <summary>Every form of the DSL, for a message that lists them.</summary>
    public const string Listing = "mean(...), sum(...), log p(x|z), E_q(z|x)[...], KL(q || p), H[q], MMD(q || p), MMD_imq(q || p), IWAE_k(p || q), iterate(...)[...] and ADV_JS/ADV_W[d](p || q)";

    /// <summary>
    /// The usage of the function <paramref name="word"/> is most likely a slip for: the same letters in another case, or
    /// one edit away (two for words of five letters or more; a swap of neighbours counts as one); null when none is.
    /// </summary>
    public static string? Nearest(string word)
    {
        var best = Called
            .Select(f => (f.Usage, Distance: Distance(word.ToLowerInvariant(), f.Word.ToLowerInvariant())))
            .OrderBy(f => f.Distance)
            .First();
        var allowed = word.Length >= 5 ? 2 : 1;
        return best.Distance <= allowed ? best.Usage : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
