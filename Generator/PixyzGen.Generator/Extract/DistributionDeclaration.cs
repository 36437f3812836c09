using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A <c>[Distribution]</c> class as strings: its signature text, its family (null when it derives from none) and its
/// Forward method's parameter names (when it declares one); <see cref="IsProductOfExperts"/> when it derives from
/// NormalPoE, whose parameters combine its experts instead of coming from Forward. Immutable and structurally equal.
/// </summary>
internal sealed record DistributionDeclaration(TypeIdentity Type, string SignatureText, string? Family, bool HasForward, EquatableArray<string> ForwardParameters, bool IsProductOfExperts = false);
