using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>C# shape of an annotated type: not generic, not file-local, no base sealing or hiding what PixyzGen overrides, one PixyzGen role (PXY0305). Partial-ness is checked per type (<see cref="PartialRule"/>).</summary>
internal static class TypeRules
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArgument? distribution, AttributeArgument? model)
    {
        var location = type.Locations[0];
        // A model that cannot compile without generated members gets this from the generator (csc stops before analyzers).
        if (SymbolFacts.IsFileLocal(type) && !SymbolFacts.GeneratorReportsTarget(type))
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.UnsupportedTarget, default, type.Name, SymbolFacts.FileLocalProblem), location));
        if (model is not null && !SymbolFacts.DerivesFromGenerativeModel(type))
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.NotAModel, default, type.Name), location));
        if (SymbolFacts.IsGeneric(type))
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.UnsupportedTarget, default, type.Name, "generic types (or types nested in generic types) are not supported"), location));
        if (distribution is not null && SymbolFacts.RequiredMemberConflict(type) is { } conflict)
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.UnsupportedTarget, default, type.Name, conflict), location));
        if ((distribution is not null || model is not null) && SymbolFacts.UnoverridableProblem(type) is { } sealedProblem)
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.UnsupportedTarget, default, type.Name, sealedProblem), location));
        if (distribution is not null && model is not null)
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.UnsupportedTarget, default, type.Name, "a type is either a [Distribution] or a [Model], not both"), location));
    }
}
