using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers.Rules;

/// <summary>
/// A [Distribution] class: its signature text (00xx), its family (PXY0302), a signature with several variables
/// (PXY0305), and its Forward against the conditioning variables (PXY0303) and the family's types (PXY0306).
/// </summary>
internal static class DistributionRules
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArgument signatureText)
    {
        var location = type.Locations[0];
        var family = SymbolFacts.Family(type);
        if (family is null)
            context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.NotAFamily, default, type.Name), location));

        var parsed = DslParser.ParseDistribution(signatureText.Text);
        foreach (var error in parsed.Errors) context.ReportDiagnostic(Descriptors.Create(error, signatureText.Locate(error.Range)));
        if (parsed.Value is not { } signature) return;
        var errors = SignatureChecker.Check(signature);
        foreach (var error in errors) context.ReportDiagnostic(Descriptors.Create(error, signatureText.Locate(error.Range)));
        if (errors.Any()) return;

        if (signature.Vars.Count != 1)
        {
            var error = DslError.Create(DiagnosticIds.UnsupportedTarget, signature.Range, type.Name, $"{signature.Text} generates {signature.Vars.Count} variables; a family distribution generates one");
            context.ReportDiagnostic(Descriptors.Create(error, signatureText.Locate(error.Range)));
            return;
        }
        if (!ForwardRule.Applies(family, SymbolFacts.DerivesFrom(type, SymbolFacts.ProductOfExperts))) return;   // experts or a flow give the parameters
        var forwards = SymbolFacts.Forwards(type, context.Compilation);
        var call = SymbolFacts.ForwardCall(type, context.Compilation, signature.CondVarNames.Count());
        var forward = call is { Bound: >= 0 } && call.Bound < forwards.Count ? forwards[call.Bound] : forwards.FirstOrDefault();
        var mismatch = ForwardRule.Check(type.Name, SymbolFacts.ForwardShapes(type, context.Compilation), DistributionRefText.Of(signature), family, call);
        if (mismatch is null) return;
        // A Forward inherited from another assembly has no source to point at: the type's name stands for it.
        var at = forward?.Locations.FirstOrDefault(l => l.IsInSource) ?? type.Locations[0];
        context.ReportDiagnostic(Descriptors.Create(mismatch, at, forward is null ? ForwardProperties(type, signature.CondVarNames.ToList()) : null));
    }

    /// <summary>What the Forward-stub code fix needs: the parameter names and the family's parameter record.</summary>
    private static System.Collections.Immutable.ImmutableDictionary<string, string?> ForwardProperties(INamedTypeSymbol type, System.Collections.Generic.List<string> conditions) =>
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Parameters, string.Join(",", conditions))
            .Add(DiagnosticProperties.Family, SymbolFacts.Family(type));
}
