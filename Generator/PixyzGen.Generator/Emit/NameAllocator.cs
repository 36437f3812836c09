using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Names for the locals of one generated body: never a parameter of the method, a C# keyword, a discard or an earlier
/// local, with <c>stem</c>, <c>stem2</c>, <c>stem3</c>, ... in order. Each stem keeps its own counter, so naming stays
/// linear however many locals share a stem.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> taken;
    private readonly Dictionary<string, int> nextSuffix = new();

    public NameAllocator(IEnumerable<string> reserved) => taken = new HashSet<string>(reserved);

    public string Unique(string stem)
    {
        if (Usable(stem) && taken.Add(stem)) return stem;
        var suffix = nextSuffix.TryGetValue(stem, out var next) ? next : 2;
        string name;
        do name = stem + suffix++;
        while (!taken.Add(name));
        nextSuffix[stem] = suffix;
        return name;
    }

    private static bool Usable(string name) => name != "_" && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
}
