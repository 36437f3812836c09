using System.Threading;
using Microsoft.CodeAnalysis;

namespace PixyzGen.Generator.Extract;

/// <summary>Symbols to strings for one <c>[Distribution]</c> class. Caching: the output is a plain record, equal when the declaration is.</summary>
internal static class DistributionExtractor
{
    public static DistributionDeclaration? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        cancellationToken.ThrowIfCancellationRequested();
        var signature = context.Attributes.Length > 0 ? FamilyReader.ArgumentText(context.Attributes[0]) : "";
        var hasForward = FamilyReader.TryReadForward(type, out var forward);
        return new DistributionDeclaration(TypeIdentityReader.Read(type), signature, FamilyReader.Family(type), hasForward, forward, FamilyReader.IsProductOfExperts(type));
    }
}
