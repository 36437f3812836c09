using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Generator.Model;

/// <summary>How a planned member can collide with the members a type declares or inherits.</summary>
internal enum MemberKind
{
    /// <summary>An ordinary method: hides an inherited method of the same parameter types, or a non-method of its name.</summary>
    Method,

    /// <summary>A constant or property: hides every inherited member of its name.</summary>
    Field,

    /// <summary>A nested type (the joint draw's record): hides every inherited member of its name.</summary>
    NestedType,

    /// <summary>An override of a Runtime member: hides nothing.</summary>
    Override,

    /// <summary>The implementation of the user's partial method: declared by the user, hides nothing of its own.</summary>
    Implementation,
}

/// <summary>
/// One member the generator writes, planned once: its name and parameter types (its <see cref="Key"/>), its
/// documentation lines (without <c>///</c>; none where the user's own stands), whether it carries
/// <c>[GeneratedCode]</c>, its accessibility and modifiers, its declaration after them, and the lines of its block
/// body (none for an expression body or a constant). <see cref="Hides"/> is settled after Bind, once every generated
/// base's plan is known: the member is then declared <c>new</c>.
/// </summary>
internal sealed record PlannedMember(
    MemberKind Kind, string Name, EquatableArray<string> ParameterTypes, EquatableArray<string> Documentation,
    bool MarkedGenerated, string Modifiers, string Declaration, EquatableArray<string> Body, bool Hides = false)
{
    /// <summary>The key a member of this name and shape has in <see cref="MemberKeys"/>; null for what hides nothing.</summary>
    public string? Key => Kind switch
    {
        MemberKind.Method => MemberKeys.Method(Name, ParameterTypes),
        MemberKind.Field or MemberKind.NestedType => Name,
        _ => null,
    };

    /// <summary>Whether this member hides one of these inherited keys (C#'s rules: a method by signature or a non-method by name; anything else by name).</summary>
    public bool HidesAnyOf(System.Collections.Generic.IEnumerable<string> inherited) => Kind switch
    {
        MemberKind.Method => inherited.Any(k => k == Key || k == Name),
        MemberKind.Field or MemberKind.NestedType => inherited.Any(k => MemberKeys.NameOf(k) == Name),
        _ => false,
    };

    public static EquatableArray<string> Summary(string text) => EquatableArray.Create($"<summary>{text}</summary>");

    public static readonly EquatableArray<string> InheritDoc = EquatableArray.Create("<inheritdoc/>");

    /// <summary>A public method with an expression body, marked generated.</summary>
    public static PlannedMember PublicMethod(string name, string[] parameterTypes, string summary, string declaration) =>
        new(MemberKind.Method, name, parameterTypes.ToEquatableArray(), Summary(summary), true, "public", declaration, EquatableArray<string>.Empty);

    /// <summary>A public constant (no <c>[GeneratedCode]</c>: the attribute does not apply to constants' readers).</summary>
    public static PlannedMember Constant(string name, string summary, string value) =>
        new(MemberKind.Field, name, EquatableArray<string>.Empty, Summary(summary), false, "public", $"const string {name} = {value};", EquatableArray<string>.Empty);

    /// <summary>An override of a Runtime member.</summary>
    public static PlannedMember Override(string name, EquatableArray<string> documentation, bool marked, string modifiers, string declaration, EquatableArray<string> body = default) =>
        new(MemberKind.Override, name, EquatableArray<string>.Empty, documentation, marked, modifiers, declaration, body);
}
