using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>A distribution member of a model class: its C# member name and its declared signature.</summary>
public sealed record MemberSignature(string MemberName, DistributionRef Signature);
