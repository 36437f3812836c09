using PixyzGen.Dsl;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Generator.Model;

/// <summary>
/// What to generate for one <c>[Distribution]</c> class. <see cref="ForwardError"/> is set when Forward's parameters
/// differ from the conditioning variables: members are still generated, <c>Params</c> throws with the diagnostic.
/// </summary>
internal sealed record DistributionSpec(
    TypeIdentity Type,
    string SignatureText,
    string Name,
    string Variable,
    EquatableArray<string> CondVars,
    FamilyInfo Family,
    bool HasForward,
    string? ForwardError,
    string LatexText,
    bool IsProductOfExperts = false);
