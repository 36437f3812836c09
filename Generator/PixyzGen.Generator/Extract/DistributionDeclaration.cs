using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// A <c>[Distribution]</c> class as strings: its signature text, its family (null when it derives from none) and its
/// Forward method's parameter names (when it declares one). Immutable and structurally equal.
/// </summary>
internal sealed record DistributionDeclaration(TypeIdentity Type, string SignatureText, string? Family, bool HasForward, EquatableArray<string> ForwardParameters);
