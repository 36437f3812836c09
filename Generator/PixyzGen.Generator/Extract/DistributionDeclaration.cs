using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A <c>[Distribution]</c> class as strings: its signature text (null when the argument is null), its family (null when
/// it derives from none) and the shapes of the Forward overloads it can call (none when it has none); <see cref="IsProductOfExperts"/>
/// when it derives from NormalPoE, whose parameters combine its experts instead of coming from Forward; the keys of
/// members it declares or inherits under generated names (<see cref="MemberKeys"/>); <see cref="AcceptedDiagnostics"/>, the
/// warnings the user accepted on the methods generated code calls (<see cref="SymbolUsability"/>); <see cref="Call"/>, the
/// overload the compiler binds the generated call to, where there are several. Immutable and structurally equal.
/// </summary>
internal sealed record DistributionDeclaration(
    TypeIdentity Type, string? SignatureText, string? Family, EquatableArray<ForwardShape> Forwards,
    bool IsProductOfExperts, MemberKeySets Keys, string? MemberConflict = null,
    EquatableArray<string> AcceptedDiagnostics = default, ForwardCall? Call = null);
