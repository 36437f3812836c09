using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>A type nesting it, as the partial declaration must repeat it: <c>partial class Outer</c>.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>Where a generated partial goes, as plain strings. Pipeline values must stay immutable and structurally equal.</summary>
internal sealed record TypeIdentity(string Namespace, EquatableArray<ContainingType> ContainingTypes, string Keyword, string Name, bool IsPartial, bool IsGeneric)
{
    /// <summary><c>Namespace.Outer.Name</c>, the stem of hint names.</summary>
    public string MetadataStem
    {
        get
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Namespace.Length > 0) parts.Add(Namespace);
            foreach (var containing in ContainingTypes) parts.Add(containing.Name);
            parts.Add(Name);
            return string.Join(".", parts);
        }
    }
}
