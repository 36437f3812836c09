using PixyzGen.Dsl;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Model;

/// <summary>
/// What to generate for one <c>[Distribution]</c> class. <see cref="ForwardError"/> is set when Forward's parameters
/// differ from the conditioning variables: members are still generated, <c>Params</c> throws with the diagnostic.
/// <see cref="Members"/> says which generated members the type already has (skipped) or inherits (declared <c>new</c>).
/// </summary>
internal sealed record DistributionSpec(
    TypeIdentity Type,
    string SignatureText,
    string Name,
    string Variable,
    EquatableArray<string> CondVars,
    FamilyFacts Family,
    bool HasForward,
    DslError? ForwardError,
    string LatexText,
    bool IsProductOfExperts,
    ExistingMembers Members,
    EquatableArray<string> AcceptedDiagnostics = default);
