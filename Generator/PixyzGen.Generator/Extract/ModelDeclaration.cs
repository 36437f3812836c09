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
/// <see cref="IsDocumented"/>: the user's declaration carries a documentation comment, which the implementation must
/// not replace (the compiler takes a partial method's documentation from the implementation when it has one).
/// </summary>
internal sealed record LossMethod(string Name, string? Formula, string Declaration, LossMethodShape Shape, bool IsDocumented = false);

/// <summary>
/// What a type with <c>[Model]</c> (or with <c>[Loss]</c> methods only) needs generated, as strings: whether it derives
/// from GenerativeModel and which of its abstract members nothing implements yet (<see cref="UnimplementedMembers"/>),
/// the warnings the user accepted on the members generated code reads (<see cref="AcceptedDiagnostics"/>), and the
/// diagnostics only the generator can report (<see cref="TargetErrors"/>). Immutable and structurally equal.
/// </summary>
internal sealed record ModelDeclaration(
    TypeIdentity Type, string? FactorizationText, EquatableArray<ModelMember> Members, EquatableArray<LossMethod> Losses,
    MemberKeySets Keys, bool HasModelAttribute = true,
    bool DerivesFromModel = true, EquatableArray<string> UnimplementedMembers = default, EquatableArray<string> AcceptedDiagnostics = default,
    EquatableArray<TargetDiagnostic> TargetErrors = default);
