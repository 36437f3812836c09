using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A type nesting it, as the partial declaration must repeat it: <c>partial class Outer&lt;T&gt;</c>. Names are C#
/// spellings (keywords escaped); <see cref="TypeParameters"/> is <c>&lt;T, U&gt;</c> or empty.
/// </summary>
internal sealed record ContainingType(string Keyword, string Name, string TypeParameters = "");

/// <summary>
/// Where a generated partial goes, as plain strings. <see cref="Namespace"/> and the names are C# spellings (keywords
/// escaped); <see cref="MetadataStem"/> is the case-sensitive stem of hint names. <see cref="HasReservedName"/>: a name
/// the generated partial repeats (the type's, a containing type's or a type parameter's) is lower-case ASCII, which the
/// compiler warns of at every declaration (CS8981). Pipeline values must stay immutable and structurally equal.
/// </summary>
internal sealed record TypeIdentity(
    string Namespace, EquatableArray<ContainingType> ContainingTypes, string Keyword, string Name, bool IsPartial, bool IsGeneric,
    string TypeParameters = "", bool IsFileLocal = false, string MetadataStem = "", string PlainName = "", bool HasReservedName = false)
{
    /// <summary>A string unique to the type (namespace, containing types and name, with type parameters).</summary>
    public string Key => $"{Namespace}|{string.Join("+", System.Linq.Enumerable.Select(ContainingTypes, c => c.Name + c.TypeParameters))}|{Name}{TypeParameters}";

    /// <summary>Whether a generated partial of this type compiles at all: partial all the way out, and not file-local.</summary>
    public bool CanExtend => IsPartial && !IsFileLocal;
}
