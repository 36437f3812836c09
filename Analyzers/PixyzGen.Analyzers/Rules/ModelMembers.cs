using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>
/// A model's distribution members, by the generator's own rule (<see cref="SymbolFacts.MemberCandidates"/>), with
/// their signatures. <see cref="Incomplete"/>: some member's own signature has an error (reported on the member's
/// type), so what it declares is unknown and a reference that finds no member may well mean it.
/// </summary>
internal sealed record ModelMembers(IReadOnlyList<(ISymbol Symbol, MemberSignature Signature)> Members, bool Incomplete)
{
    public static ModelMembers Of(INamedTypeSymbol type, Compilation compilation)
    {
        var members = new List<(ISymbol, MemberSignature)>();
        var incomplete = false;
        foreach (var (member, memberType) in SymbolFacts.MemberCandidates(type, compilation))
        {
            if (SymbolFacts.Attribute(memberType, SymbolFacts.DistributionAttribute) is not { } attribute) continue;
            // A referenced assembly's [Distribution] built without PixyzGen has no typed members to call: the generator skips it too.
            if (memberType is INamedTypeSymbol named && SymbolFacts.InMetadata(named) && !SymbolFacts.HasGeneratedMembers(named)) continue;
            if (DslParser.ParseDistribution(SymbolFacts.ArgumentText(attribute)).Value is { } parsed && !SignatureChecker.Check(parsed).Any())
                members.Add((member, new MemberSignature(member.Name, parsed, SymbolFacts.Family(memberType))));
            else
                incomplete = true;
        }
        return new ModelMembers(members, incomplete);
    }

    /// <summary>The errors of a model's strings that stand (<see cref="ModelStringChecker.Standing"/>).</summary>
    public IEnumerable<DslError> Standing(IEnumerable<DslError> errors) => ModelStringChecker.Standing(errors, Incomplete);
}
