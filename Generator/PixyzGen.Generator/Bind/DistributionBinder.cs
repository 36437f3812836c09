using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Bind;

/// <summary>Parses and checks a distribution declaration. Null means nothing can be generated (the analyzers say why).</summary>
internal static class DistributionBinder
{
    public static DistributionSpec? Bind(DistributionDeclaration declaration)
    {
        if (!declaration.Type.IsPartial || declaration.Type.IsGeneric) return null;
        if (Families.Find(declaration.Family) is not { } family) return null;
        var parsed = DslParser.ParseDistribution(declaration.SignatureText);
        if (parsed.Value is not { } signature || SignatureChecker.Check(signature).Any()) return null;
        if (signature.Vars.Count != 1) return null; // one variable per family distribution (PXY0305)

        var condVars = signature.CondVarNames.ToEquatableArray();
        // Params calls Forward with the conditioning variables in signature order: anything else cannot be generated.
        // A deterministic variable always needs Forward: it has no constants to fall back on.
        var forwardMatches = declaration.IsProductOfExperts || family.IsDynamic || declaration.HasForward ? declaration.ForwardParameters.SequenceEqual(condVars) : condVars.Count == 0 && !family.IsDeterministic;
        string? forwardError = null;
        if (!forwardMatches)
        {
            var takes = declaration.HasForward ? string.Join(", ", declaration.ForwardParameters) : "no Forward method";
            var error = DslError.Create(DiagnosticIds.ForwardMismatch, signature.Range, declaration.Type.Name, takes, signature.Text, string.Join(", ", condVars));
            forwardError = $"{error.Id}: {error.Message}";
        }

        return new DistributionSpec(declaration.Type, declaration.SignatureText, signature.Name, signature.Vars[0].Name, condVars, family, declaration.HasForward, forwardError,
            PixyzGen.Dsl.Printing.LatexPrinter.Signature(signature), declaration.IsProductOfExperts && family.Name == "Normal");
    }
}
