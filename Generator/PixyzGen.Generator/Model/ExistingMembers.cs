using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Generator.Model;

/// <summary>
/// The members a type declares or inherits under the names the generator writes (keys of <see cref="MemberKeys"/>):
/// a generated member the user declared is left out, one that hides an inherited member is declared <c>new</c>.
/// </summary>
internal sealed record ExistingMembers(EquatableArray<string> Declared, EquatableArray<string> Inherited)
{
    /// <summary>The modifier a generated method needs: null to leave it out, "new " or "".</summary>
    public string? ForMethod(string name, params string[] parameterTypes)
    {
        var key = MemberKeys.Method(name, parameterTypes);
        if (Declared.Contains(key) || Declared.Contains(name)) return null;
        return Inherited.Contains(key) || Inherited.Contains(name) ? "new " : "";
    }

    /// <summary>The modifier a generated field, property, constant or nested type needs: null, "new " or "".</summary>
    public string? ForOther(string name)
    {
        if (Declared.Any(k => SameName(k, name))) return null;
        return Inherited.Any(k => SameName(k, name)) ? "new " : "";
    }

    /// <summary>Whether a generated override can be written: the user has not declared it.</summary>
    public bool CanOverride(string name) => !Declared.Any(k => SameName(k, name));

    private static bool SameName(string key, string name) =>
        key.Length >= name.Length && string.CompareOrdinal(key, 0, name, 0, name.Length) == 0 && (key.Length == name.Length || key[name.Length] == '(');
}
