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
        return Read(type, context.Attributes.Length > 0 ? SymbolFacts.ArgumentText(context.Attributes[0]) : null);
    }

    /// <summary>The declaration of a type with [Distribution]; its signature from that attribute unless given.</summary>
    public static DistributionDeclaration Read(INamedTypeSymbol type) =>
        Read(type, SymbolFacts.Attribute(type, SymbolFacts.DistributionAttribute) is { } attribute ? SymbolFacts.ArgumentText(attribute) : null);

    private static DistributionDeclaration Read(INamedTypeSymbol type, string? signature)
    {
        var forward = SymbolFacts.Forward(type);
        var (declared, inherited) = MemberKeys.Read(type, GeneratedNames.Distribution);
        return new DistributionDeclaration(TypeIdentityReader.Read(type), signature, SymbolFacts.Family(type), forward is not null,
            forward?.Parameters.Select(p => p.Name).ToEquatableArray() ?? EquatableArray<string>.Empty,
            SymbolFacts.DerivesFrom(type, SymbolFacts.ProductOfExperts), declared, inherited, SymbolFacts.RequiredMemberConflict(type));
    }
}
