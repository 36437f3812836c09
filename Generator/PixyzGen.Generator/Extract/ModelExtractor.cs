using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Extract;

/// <summary>A <c>[Loss]</c> method of a type without <c>[Model]</c>, with the type it belongs to.</summary>
internal sealed record LossOwnerMethod(TypeIdentity Type, LossMethod Loss);

/// <summary>Symbols to strings for one <c>[Model]</c> class, its distribution members and its <c>[Loss]</c> methods. Caching: plain records.</summary>
internal static class ModelExtractor
{
    public static ModelDeclaration? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        cancellationToken.ThrowIfCancellationRequested();
        var factorization = context.Attributes.Length > 0 ? SymbolFacts.ArgumentText(context.Attributes[0]) : null;
        return Read(type, factorization, hasModelAttribute: true);
    }

    /// <summary>
    /// A <c>[Loss]</c> method of a type without <c>[Model]</c>: it still gets a (throwing) implementation, so the build
    /// shows PXY0304 instead of CS8795. One item per method (the pipeline groups them by type); null for a method of a
    /// [Model] type, which the model pipeline handles, or one that needs no implementation.
    /// </summary>
    public static LossOwnerMethod? ExtractLossOwner(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol { ContainingType: { } type } method) return null;
        if (SymbolFacts.Attribute(type, SymbolFacts.ModelAttribute) is not null) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return LossMethodReader.Read(method) is { } loss ? new LossOwnerMethod(TypeIdentityReader.Read(type), loss) : null;
    }

    /// <summary>The loss-only declarations of each type, in the order their methods were found.</summary>
    public static IEnumerable<ModelDeclaration> GroupLossOwners(IEnumerable<LossOwnerMethod> methods) =>
        methods.Distinct().GroupBy(m => m.Type).Select(g => new ModelDeclaration(g.Key, null, EquatableArray<ModelMember>.Empty,
            g.Select(m => m.Loss).ToEquatableArray(), EquatableArray<string>.Empty, EquatableArray<string>.Empty, HasModelAttribute: false));

    public static ModelDeclaration Read(INamedTypeSymbol type, string? factorization, bool hasModelAttribute)
    {
        var members = new List<ModelMember>();
        foreach (var (member, memberType) in SymbolFacts.MemberCandidates(type))
            if (ReadMember(member.Name, memberType) is { } m) members.Add(m);
        var losses = LossMethodReader.Read(type).ToEquatableArray();
        var names = new HashSet<string>(GeneratedNames.Model) { type.Name + "Sample" };
        foreach (var loss in losses) names.Add(loss.Shape.Name + "Latex");
        var (declared, inherited) = MemberKeys.Read(type, names);
        return new ModelDeclaration(TypeIdentityReader.Read(type), factorization, members.ToEquatableArray(), losses, declared, inherited, hasModelAttribute);
    }

    private static ModelMember? ReadMember(string name, ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || SymbolFacts.Attribute(named, SymbolFacts.DistributionAttribute) is not { } attribute) return null;
        var identity = TypeIdentityReader.Read(named);
        // A type of this compilation gets its members from this run; one of a referenced assembly got them from its own build.
        var generated = SymbolFacts.InMetadata(named)
            ? SymbolFacts.HasGeneratedMembers(named)
            : identity.CanExtend && !identity.IsGeneric && SymbolFacts.RequiredMemberConflict(named) is null;
        return new ModelMember(name, SymbolFacts.ArgumentText(attribute), SymbolFacts.Family(named), generated);
    }
}
