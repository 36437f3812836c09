using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// Which errors of a model's strings stand, so that one mistake gives one diagnostic. A [Model] factorization is
/// checked in three steps, each only when the one before found nothing: every signature on its own (<c>p(x|x)</c>),
/// every factor against the members (a factor no member declares, such as <c>p(z|x)</c> where the member is
/// <c>p(z)</c>, is the mistake; the cycle or joint it makes follows from it), then the structure (a cycle, two factors
/// of one variable, a joint that differs). While a member's own signature is in error, what it declares is unknown,
/// so "no member declares this" and "this does not match member M" are not said anywhere in the model.
/// </summary>
public static class ModelStringChecker
{
    /// <summary>The standing errors of <paramref name="factorization"/>, and whether it is valid (no error at all, standing or not).</summary>
    public static (IReadOnlyList<DslError> Errors, bool Valid) Check(Factorization factorization, IReadOnlyList<MemberSignature> members, bool membersIncomplete)
    {
        var own = new[] { factorization.Joint }.Concat(factorization.Factors).SelectMany(SignatureChecker.Check).ToList();
        if (own.Count > 0) return (own, false);
        var unresolved = new List<DslError>();
        foreach (var factor in factorization.Factors)
        {
            MemberResolver.Resolve(factor, members, out var error);
            if (error is not null) unresolved.Add(error);
        }
        if (unresolved.Count > 0) return (Standing(unresolved, membersIncomplete).ToList(), false);
        var structure = FactorizationChecker.Check(factorization).Errors;
        return (structure, structure.Count == 0);
    }

    /// <summary>The errors that stand while some member's signature is (or is not) in error.</summary>
    public static IEnumerable<DslError> Standing(IEnumerable<DslError> errors, bool membersIncomplete) =>
        membersIncomplete ? errors.Where(e => e.Id is not (DiagnosticIds.UnknownDistribution or DiagnosticIds.SignatureMismatch)) : errors;
}
