using System;
using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Hint names for the generated files: <c>Stem.g.cs</c>, and <c>Stem.2.g.cs</c>, ... when a stem equals an earlier one
/// without regard to case (Roslyn rejects such pairs). Stems are taken in ordinal order, so names are deterministic.
/// Characters a file name cannot hold become '_'.
/// </summary>
internal static class HintNames
{
    public static IEnumerable<(string Hint, T Item)> Assign<T>(IEnumerable<(string Stem, T Item)> files)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (stem, item) in files.OrderBy(f => f.Stem, StringComparer.Ordinal))
        {
            var safe = Sanitize(stem);
            var hint = safe + ".g.cs";
            for (var i = 2; !used.Add(hint); i++) hint = $"{safe}.{i}.g.cs";
            yield return (hint, item);
        }
    }

    private static string Sanitize(string stem)
    {
        var chars = stem.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!(char.IsLetterOrDigit(chars[i]) || chars[i] is '.' or '_' or '-')) chars[i] = '_';
        return new string(chars);
    }
}
