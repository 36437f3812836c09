using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Extract;

/// <summary>Symbols to strings for one <c>[Distribution]</c> class. Caching: the output is a plain record, equal when the declaration is.</summary>
internal static class DistributionExtractor
{
    public static DistributionDeclaration? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return Read(type, context.Attributes.Length > 0 ? SymbolFacts.ArgumentText(context.Attributes[0]) : null, context.SemanticModel.Compilation);
    }

    private static DistributionDeclaration Read(INamedTypeSymbol type, string? signature, Compilation compilation)
    {
        var keys = MemberKeys.Read(type, GeneratedNames.Distribution, compilation);
        var accepted = SymbolFacts.Forwards(type, compilation).SelectMany(SymbolUsability.AcceptedDiagnostics).Distinct().OrderBy(i => i, System.StringComparer.Ordinal);
        // The generated call passes one Tensor per conditioning variable of the signature as written (or as repaired).
        var parsed = PixyzGen.Dsl.Parsing.DslParser.ParseDistribution(signature);
        var call = (parsed.Value ?? parsed.Repaired) is { } read ? SymbolFacts.ForwardCall(type, compilation, read.CondVarNames.Count()) : null;
        return new DistributionDeclaration(TypeIdentityReader.Read(type), signature, SymbolFacts.Family(type), SymbolFacts.ForwardShapes(type, compilation),
            SymbolFacts.DerivesFrom(type, SymbolFacts.ProductOfExperts), keys, SymbolFacts.RequiredMemberConflict(type), accepted.ToEquatableArray(), call);
    }
}
