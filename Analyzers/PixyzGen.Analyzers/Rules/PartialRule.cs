using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>
/// PXY0301: a type the generator adds members to, or a type containing one, must be partial. Each type reports for
/// itself, so the diagnostic sits where the code fix adds the modifier. A model that cannot compile without generated
/// members gets it from the generator instead (<see cref="SymbolFacts.GeneratorReportsTarget"/>).
/// </summary>
internal static class PartialRule
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        if (SymbolFacts.IsPartial(type) || !CarriesGeneratedMembers(type)) return;
        context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.NotPartial, default, type.Name), type.Locations[0]));
    }

    private static bool CarriesGeneratedMembers(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is SymbolFacts.DistributionAttribute or SymbolFacts.ModelAttribute) && !SymbolFacts.GeneratorReportsTarget(type)
        || type.GetTypeMembers().Any(CarriesGeneratedMembers);
}
