using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>
/// A [Model] class: its factorization (00xx, 01xx, members 0201/0202), members with one signature (PXY0104) and
/// members of its own that nothing uses (PXY0105).
/// </summary>
internal static class ModelRules
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArgument factorizationText)
    {
        var set = ModelMembers.Of(type, context.Compilation);
        var members = set.Members;
        var signatures = members.Select(m => m.Signature).ToList();
        var references = new List<DistributionRef>();

        var parsed = DslParser.ParseFactorization(factorizationText.Text);
        foreach (var error in parsed.Errors) context.ReportDiagnostic(Descriptors.Create(error, factorizationText.Locate(error.Range)));
        // Signatures, then factors against members, then structure: one mistake, one diagnostic (ModelStringChecker).
        var valid = false;
        if (parsed.Value is { } factorization)
        {
            references.AddRange(factorization.Factors);
            var (errors, isValid) = ModelStringChecker.Check(factorization, signatures, set.Incomplete);
            foreach (var error in errors)
                context.ReportDiagnostic(Descriptors.Create(error, factorizationText.Locate(error.Range)));
            valid = isValid;
        }

        foreach (var (index, error) in MemberChecker.Ambiguous(signatures))
            context.ReportDiagnostic(Descriptors.Create(error, Place(members[index].Symbol, type)));

        // A member counts as used if the factorization or any loss of the model mentions it; while some formula does
        // not parse, the factorization is in error or a member's signature is, nothing can be called unused.
        var allParsed = valid && !set.Incomplete;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeArgument.Find(method, SymbolFacts.LossAttribute, context.CancellationToken) is not { } loss) continue;
            if (DslParser.ParseLoss(loss.Text).Value is { } formula) references.AddRange(MemberChecker.References(formula));
            else allParsed = false;
        }
        if (!allParsed) return;
        // Only the model's own members: one it inherits is its base's to remove, not this model's.
        foreach (var (index, error) in MemberChecker.Unused(signatures, references))
            if (SymbolEqualityComparer.Default.Equals(members[index].Symbol.ContainingType, type))
                context.ReportDiagnostic(Descriptors.Create(error, members[index].Symbol.Locations[0]));
    }

    /// <summary>Where to report on a member: its declaration, or, for one inherited from another assembly (no source to point at), the model's name.</summary>
    private static Location Place(ISymbol member, INamedTypeSymbol type) => member.Locations.FirstOrDefault(l => l.IsInSource) ?? type.Locations[0];
}
