using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// A distribution member of a model class: its C# member name, its declared signature and, when known, the family
/// its type derives from (Normal, Bernoulli, ...), which decides whether a KL has a closed form.
/// </summary>
public sealed record MemberSignature(string MemberName, DistributionRef Signature, string? Family = null);
