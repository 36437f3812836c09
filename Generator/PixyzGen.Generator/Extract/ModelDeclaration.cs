using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A distribution-typed property or field of a model, with what its type's <c>[Distribution]</c> declares;
/// <see cref="Generated"/> is false when the generator cannot write that type's members (not partial, generic or
/// file-local), so loss code must not call them.
/// </summary>
internal sealed record ModelMember(string Name, string? SignatureText, string? Family, bool Generated = true);

/// <summary>
/// A <c>[Loss]</c> partial method without an implementation: the formula (null when the argument is null), the
/// implementation's declaration mirroring the user's exactly (<see cref="Declaration"/>, up to the body), and its shape.
/// </summary>
internal sealed record LossMethod(string Name, string? Formula, string Declaration, LossMethodShape Shape);

/// <summary>A <c>[Model]</c> class as strings. Immutable and structurally equal.</summary>
internal sealed record ModelDeclaration(
    TypeIdentity Type, string? FactorizationText, EquatableArray<ModelMember> Members, EquatableArray<LossMethod> Losses,
    EquatableArray<string> DeclaredKeys, EquatableArray<string> InheritedKeys, bool HasModelAttribute = true);
