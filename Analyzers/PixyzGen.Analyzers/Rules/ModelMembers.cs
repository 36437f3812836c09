using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>A model's distribution members, by the generator's own rule (<see cref="SymbolFacts.MemberCandidates"/>), with their signatures.</summary>
internal static class ModelMembers
{
    public static IReadOnlyList<(ISymbol Symbol, MemberSignature Signature)> Of(INamedTypeSymbol type, Compilation compilation)
    {
        var members = new List<(ISymbol, MemberSignature)>();
        foreach (var (member, memberType) in SymbolFacts.MemberCandidates(type, compilation))
        {
            if (SymbolFacts.Attribute(memberType, SymbolFacts.DistributionAttribute) is not { } attribute) continue;
            // A referenced assembly's [Distribution] built without PixyzGen has no typed members to call: the generator skips it too.
            if (memberType is INamedTypeSymbol named && SymbolFacts.InMetadata(named) && !SymbolFacts.HasGeneratedMembers(named)) continue;
            if (DslParser.ParseDistribution(SymbolFacts.ArgumentText(attribute)).Value is { } parsed)
                members.Add((member, new MemberSignature(member.Name, parsed, SymbolFacts.Family(memberType))));
        }
        return members;
    }
}
