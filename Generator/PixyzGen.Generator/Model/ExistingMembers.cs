using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Generator.Model;

/// <summary>
/// The members a type declares or inherits under the names the generator writes (keys of <see cref="MemberKeys"/>), and
/// the keys of its bases generated in this compilation (<see cref="GeneratedBases"/>). A planner leaves out a member the
/// user declared; which planned members hide an inherited one is settled after Bind (<c>InheritedMembers</c>).
/// </summary>
internal sealed record ExistingMembers(EquatableArray<string> Declared, EquatableArray<string> Inherited, EquatableArray<string> GeneratedBases = default)
{
    /// <summary>The user declared this method (same parameter types), or a non-method of its name: the generator writes none.</summary>
    public bool DeclaresMethod(string name, params string[] parameterTypes)
    {
        var key = MemberKeys.Method(name, parameterTypes);
        return Declared.Contains(key) || Declared.Contains(name);
    }

    /// <summary>The user declared a member of this name, of any kind: no generated constant, nested type or override of it.</summary>
    public bool DeclaresName(string name) => Declared.Any(k => MemberKeys.NameOf(k) == name);
}
