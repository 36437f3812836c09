using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>Symbols to strings for one <c>[Model]</c> class, its distribution members and its <c>[Loss]</c> methods. Caching: plain records.</summary>
internal static class ModelExtractor
{
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static ModelDeclaration? Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        var factorization = context.Attributes.Length > 0 ? FamilyReader.ArgumentText(context.Attributes[0]) : "";

        var members = new List<ModelMember>();
        var losses = new List<LossMethod>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case IPropertySymbol { IsStatic: false, IsIndexer: false } property when ReadMember(property.Name, property.Type) is { } m:
                    members.Add(m);
                    break;
                case IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field when ReadMember(field.Name, field.Type) is { } m:
                    members.Add(m);
                    break;
                case IMethodSymbol method when FamilyReader.SignatureText(method, KnownNames.LossAttribute) is { } formula:
                    losses.Add(ReadLoss(method, formula));
                    break;
            }
        }
        return new ModelDeclaration(TypeIdentityReader.Read(type), factorization, members.ToEquatableArray(), losses.ToEquatableArray());
    }

    private static ModelMember? ReadMember(string name, ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named) return null;
        var signature = FamilyReader.SignatureText(named, KnownNames.DistributionAttribute);
        if (signature is null) return null;
        var hasForward = FamilyReader.TryReadForward(named, out var forward);
        return new ModelMember(name, signature, FamilyReader.Family(named), hasForward, forward);
    }

    private static LossMethod ReadLoss(IMethodSymbol method, string formula) => new(
        method.Name,
        formula,
        Accessibility(method.DeclaredAccessibility),
        method.ReturnType.ToDisplayString(FullyQualified),
        method.Parameters.Select(p => new MethodParameter(p.Name, p.Type.ToDisplayString(FullyQualified))).ToEquatableArray(),
        method.IsPartialDefinition,
        method.IsStatic,
        method.IsGenericMethod);

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
