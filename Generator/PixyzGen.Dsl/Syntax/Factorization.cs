using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Syntax;

/// <summary><c>p(x,z) = p(x|z) p(z)</c>: a joint and its factors; a lone distribution has no factors.</summary>
public sealed record Factorization(DistributionRef Joint, EquatableArray<DistributionRef> Factors, TextRange Range);
