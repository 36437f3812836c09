using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers.Rules;

/// <summary>A [Loss] method: its C# shape (PXY0304) and its formula (PXY0005, 02xx).</summary>
internal static class LossRules
{
    public static void Check(SymbolAnalysisContext context, IMethodSymbol method, AttributeArgument formulaText)
    {
        if (ShapeProblem(method) is { } problem)
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.BadLossSignature, default, method.Name, problem), method.Locations[0]));

        var parsed = DslParser.ParseLoss(formulaText.Text);
        foreach (var error in parsed.Errors) context.ReportDiagnostic(Descriptors.Create(error, formulaText.Locate(error.Range)));
        if (parsed.Value is not { } loss) return;
        var members = TypeFacts.Members(method.ContainingType).Select(m => m.Signature).ToList();
        foreach (var error in LossChecker.Check(loss, members, method.Parameters.Select(p => p.Name).ToList(), method.Name))
            context.ReportDiagnostic(Descriptors.Create(error, formulaText.Locate(error.Range)));
    }

    private static string? ShapeProblem(IMethodSymbol method)
    {
        if (!method.IsPartialDefinition) return "it must be a partial method without a body";
        if (method.IsStatic) return "it must not be static";
        if (method.IsGenericMethod) return "it must not be generic";
        if (method.ReturnType.ToDisplayString() != KnownAttributes.Tensor) return $"it returns {method.ReturnType.ToDisplayString()}";
        var byReference = method.Parameters.FirstOrDefault(p => p.RefKind != RefKind.None);
        return byReference is null ? null : $"parameter '{byReference.Name}' is passed by reference";
    }
}
