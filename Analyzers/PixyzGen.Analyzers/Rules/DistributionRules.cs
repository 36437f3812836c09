using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers.Rules;

/// <summary>
/// A [Distribution] class: its signature text (00xx), its family (PXY0302), a signature with several variables
/// (PXY0305), and its Forward against the conditioning variables (PXY0303).
/// </summary>
internal static class DistributionRules
{
    public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArgument signatureText)
    {
        var location = type.Locations[0];
        var family = TypeFacts.FamilyOf(type);
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
        if (!DerivesFrom(type, "NormalPoE") && !DerivesFrom(type, GeneratedFamilies.Transformed)) CheckForward(context, type, signature.CondVarNames.ToList(), signature.Text);   // experts or a flow give the parameters
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string runtimeClass)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.Name == runtimeClass && current.ContainingNamespace?.ToDisplayString() == "PixyzGen") return true;
        return false;
    }

    private static void CheckForward(SymbolAnalysisContext context, INamedTypeSymbol type, System.Collections.Generic.List<string> conditions, string signature)
    {
        var forward = type.GetMembers("Forward").OfType<IMethodSymbol>().FirstOrDefault(m => !m.IsStatic);
        var takes = forward is null ? "no Forward method" : string.Join(", ", forward.Parameters.Select(p => p.Name));
        var deterministic = TypeFacts.FamilyOf(type) == GeneratedFamilies.Deterministic;
        var matches = forward is null ? conditions.Count == 0 && !deterministic : forward.Parameters.Select(p => p.Name).SequenceEqual(conditions);
        if (matches) return;
        var error = DslError.Create(DiagnosticIds.ForwardMismatch, default, type.Name, takes, signature, string.Join(", ", conditions));
        var location = forward?.Locations.FirstOrDefault() ?? type.Locations[0];
        context.ReportDiagnostic(Descriptors.Create(error, location, forward is null ? ForwardProperties(type, conditions) : null));
    }

    /// <summary>What the Forward-stub code fix needs: the parameter names and the family's parameter record.</summary>
    private static System.Collections.Immutable.ImmutableDictionary<string, string?> ForwardProperties(INamedTypeSymbol type, System.Collections.Generic.List<string> conditions) =>
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Parameters, string.Join(",", conditions))
            .Add(DiagnosticProperties.Family, TypeFacts.FamilyOf(type));
}
