using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Extract;

/// <summary>A <c>[Loss]</c> method of a type without <c>[Model]</c>, with the type it belongs to and what that type needs.</summary>
internal sealed record LossOwnerMethod(TypeIdentity Type, LossMethod Loss, ModelDeclaration Owner);

/// <summary>Symbols to strings for one <c>[Model]</c> class, its distribution members and its <c>[Loss]</c> methods. Caching: plain records.</summary>
internal static class ModelExtractor
{
    public static ModelDeclaration? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        cancellationToken.ThrowIfCancellationRequested();
        var factorization = context.Attributes.Length > 0 ? SymbolFacts.ArgumentText(context.Attributes[0]) : null;
        return Read(type, factorization, hasModelAttribute: true, context.SemanticModel.Compilation);
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
        if (LossMethodReader.Read(method) is not { } loss) return null;
        var owner = Read(type, null, hasModelAttribute: false, context.SemanticModel.Compilation) with { Losses = EquatableArray<LossMethod>.Empty, Members = EquatableArray<ModelMember>.Empty };
        return new LossOwnerMethod(owner.Type, loss, owner);
    }

    /// <summary>The loss-only declarations of each type, in the order their methods were found.</summary>
    public static IEnumerable<ModelDeclaration> GroupLossOwners(IEnumerable<LossOwnerMethod> methods) =>
        methods.Distinct().GroupBy(m => m.Type).Select(g => g.First().Owner with { Losses = g.Select(m => m.Loss).ToEquatableArray() });

    public static ModelDeclaration Read(INamedTypeSymbol type, string? factorization, bool hasModelAttribute, Compilation compilation)
    {
        var members = new List<ModelMember>();
        var accepted = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var (member, memberType) in SymbolFacts.MemberCandidates(type, compilation))
        {
            if (ReadMember(member.Name, memberType) is not { } m) continue;
            members.Add(m);
            accepted.UnionWith(SymbolUsability.AcceptedDiagnostics(member));
        }
        var losses = LossMethodReader.Read(type).ToEquatableArray();
        var names = new HashSet<string>(GeneratedNames.Model) { GeneratedNames.JointDraw(type.Name) };
        foreach (var loss in losses) names.Add(GeneratedNames.LossLatex(loss.Shape.Name));
        return new ModelDeclaration(TypeIdentityReader.Read(type), factorization, members.ToEquatableArray(), losses, MemberKeys.Read(type, names, compilation), hasModelAttribute,
            SymbolFacts.DerivesFromGenerativeModel(type), SymbolFacts.UnimplementedModelMembers(type).ToEquatableArray(), accepted.ToEquatableArray(),
            TargetErrors(type).ToEquatableArray());
    }

    /// <summary>
    /// What only the generator can report (<see cref="SymbolFacts.GeneratorReportsTarget"/>): each type of the chain that is
    /// not partial (PXY0301) and a file-local type (PXY0305), for a model whose abstract members it cannot write.
    /// </summary>
    private static IEnumerable<TargetDiagnostic> TargetErrors(INamedTypeSymbol type)
    {
        if (!SymbolFacts.GeneratorReportsTarget(type)) yield break;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!SymbolFacts.IsPartial(current))
                yield return new TargetDiagnostic(DiagnosticIds.NotPartial, new[] { current.Name }.ToEquatableArray(), SourceSpot.Of(current.Locations[0]));
            if (current.IsFileLocal)
                yield return new TargetDiagnostic(DiagnosticIds.UnsupportedTarget,
                    new[] { current.Name, SymbolFacts.FileLocalProblem }.ToEquatableArray(), SourceSpot.Of(current.Locations[0]));
        }
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
