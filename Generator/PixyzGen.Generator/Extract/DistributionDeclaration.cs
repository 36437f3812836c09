using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A <c>[Distribution]</c> class as strings: its signature text (null when the argument is null), its family (null when
/// it derives from none) and its Forward method's shape (when it has one); <see cref="IsProductOfExperts"/>
/// when it derives from NormalPoE, whose parameters combine its experts instead of coming from Forward; the keys of
/// members it declares or inherits under generated names (<see cref="MemberKeys"/>). Immutable and structurally equal.
/// </summary>
internal sealed record DistributionDeclaration(
    TypeIdentity Type, string? SignatureText, string? Family, ForwardShape? Forward,
    bool IsProductOfExperts, EquatableArray<string> DeclaredKeys, EquatableArray<string> InheritedKeys, string? MemberConflict = null);
