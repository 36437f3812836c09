using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>A [Loss] method: its C# shape (PXY0304) and its formula (PXY0005, 02xx).</summary>
internal static class LossRules
{
    public static void Check(SymbolAnalysisContext context, IMethodSymbol method, AttributeArgument formulaText)
    {
        var shape = SymbolFacts.LossShape(method);
        foreach (var problem in LossShapeRules.Check(shape))
            context.ReportDiagnostic(Descriptors.Create(problem, method.Locations[0]));

        var parsed = DslParser.ParseLoss(formulaText.Text);
        foreach (var error in parsed.Errors) context.ReportDiagnostic(Descriptors.Create(error, formulaText.Locate(error.Range)));
        if (parsed.Value is not { } loss || !shape.InModel) return;   // without [Model] there is nothing to check the formula against
        var members = ModelMembers.Of(method.ContainingType, context.Compilation);
        foreach (var error in members.Standing(LossChecker.Check(loss, members.Members.Select(m => m.Signature).ToList(), shape.Parameters.ToList(), method.Name)))
            context.ReportDiagnostic(Descriptors.Create(error, formulaText.Locate(error.Range)));
    }
}
