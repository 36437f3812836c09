using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>The hint name of the file with this key.</summary>
internal sealed record HintEntry(string Key, string Hint);

/// <summary>
/// Hint names for the generated files: <c>Stem.g.cs</c>, and <c>Stem.2.g.cs</c>, ... for later files whose stems equal
/// an earlier one without regard to case (Roslyn rejects such pairs), in ordinal order of (stem, key), so names are
/// deterministic. The table is computed once (O(n log n)) and each output looks its own name up, so files are still
/// added one per output: adding every file from one output costs Roslyn quadratic time. Characters a file name
/// cannot hold become '_'.
/// </summary>
internal static class HintNames
{
    /// <summary>The hint of every file, sorted by key for <see cref="Lookup"/>.</summary>
    public static EquatableArray<HintEntry> Table(IEnumerable<OutputStem> files)
    {
        var entries = new List<HintEntry>();
        var ordered = files.Select(f => (Safe: Sanitize(f.Stem), File: f))
            .OrderBy(f => f.Safe, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.File.Stem, StringComparer.Ordinal).ThenBy(f => f.File.Key, StringComparer.Ordinal);
        string? previous = null;
        var rank = 0;
        foreach (var (safe, file) in ordered)
        {
            rank = previous is not null && string.Equals(previous, safe, StringComparison.OrdinalIgnoreCase) ? rank + 1 : 0;
            previous = safe;
            entries.Add(new HintEntry(file.Key, rank == 0 ? safe + ".g.cs" : $"{safe}.{rank + 1}.g.cs"));
        }
        return entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The hint of the file with <paramref name="key"/> (binary search in the sorted table).</summary>
    public static string Lookup(EquatableArray<HintEntry> table, string key)
    {
        int low = 0, high = table.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(table[middle].Key, key);
            if (order == 0) return table[middle].Hint;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        throw new InvalidOperationException($"No hint name for {key}.");   // the table is built from the same outputs
    }

    private static string Sanitize(string stem)
    {
        var chars = stem.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (!(char.IsLetterOrDigit(chars[i]) || chars[i] is '.' or '_' or '-')) chars[i] = '_';
        return new string(chars);
    }
}
