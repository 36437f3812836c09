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
/// members nothing uses (PXY0105).
/// </summary>
internal static class ModelRules
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArgument factorizationText)
    {
        var members = ModelMembers.Of(type, context.Compilation);
        var signatures = members.Select(m => m.Signature).ToList();
        var references = new List<DistributionRef>();

        var parsed = DslParser.ParseFactorization(factorizationText.Text);
        foreach (var error in parsed.Errors) context.ReportDiagnostic(Descriptors.Create(error, factorizationText.Locate(error.Range)));
        if (parsed.Value is { } factorization)
        {
            foreach (var error in FactorizationChecker.Check(factorization).Errors)
                context.ReportDiagnostic(Descriptors.Create(error, factorizationText.Locate(error.Range)));
            foreach (var factor in factorization.Factors)
            {
                references.Add(factor);
                MemberResolver.Resolve(factor, signatures, out var error);
                if (error is not null) context.ReportDiagnostic(Descriptors.Create(error, factorizationText.Locate(error.Range)));
            }
        }

        foreach (var (index, error) in MemberChecker.Ambiguous(signatures))
            context.ReportDiagnostic(Descriptors.Create(error, members[index].Symbol.Locations[0]));

        // A member counts as used if the factorization or any loss of the model mentions it; while some formula does
        // not parse, nothing can be called unused.
        var allParsed = parsed.Value is not null;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeArgument.Find(method, SymbolFacts.LossAttribute, context.CancellationToken) is not { } loss) continue;
            if (DslParser.ParseLoss(loss.Text).Value is { } formula) references.AddRange(MemberChecker.References(formula));
            else allParsed = false;
        }
        if (!allParsed) return;
        foreach (var (index, error) in MemberChecker.Unused(signatures, references))
            context.ReportDiagnostic(Descriptors.Create(error, members[index].Symbol.Locations[0]));
    }
}
