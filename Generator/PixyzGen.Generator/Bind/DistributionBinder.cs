using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Bind;

/// <summary>Parses and checks a distribution declaration. Null means nothing can be generated (the analyzers say why).</summary>
internal static class DistributionBinder
{
    public static DistributionSpec? Bind(DistributionDeclaration declaration)
    {
        if (!declaration.Type.CanExtend || declaration.Type.IsGeneric || declaration.MemberConflict is not null) return null;
        if (GeneratedFamilies.Find(declaration.Family) is not { } family) return null;
        var parsed = DslParser.ParseDistribution(declaration.SignatureText);
        // A repaired signature (p_{prior}(z) read as p_prior(z)) still gets its typed members: the analyzers report the
        // error, and the user's calls to Sample/LogProb keep compiling, so that error is the only one.
        if ((parsed.Value ?? parsed.Repaired) is not { } signature || SignatureChecker.Check(signature).Any()) return null;
        if (signature.Vars.Count != 1) return null; // one variable per family distribution (PXY0305)

        var condVars = signature.CondVarNames.ToEquatableArray();
        // Params calls Forward with the conditioning variables in signature order: anything else throws PXY0303 or PXY0306.
        var forwardError = ForwardRule.Applies(family.Name, declaration.IsProductOfExperts)
            ? ForwardRule.Check(declaration.Type.PlainName, declaration.Forwards, DistributionRefText.Of(signature), family.Name, declaration.Call)
            : null;

        return new DistributionSpec(declaration.Type, declaration.SignatureText!, signature.Name, signature.Vars[0].Name, condVars, family, declaration.Forwards.Count > 0, forwardError,
            PixyzGen.Dsl.Printing.LatexPrinter.Signature(signature), declaration.IsProductOfExperts && family.Name == "Normal",
            new ExistingMembers(declaration.Keys.Declared, declaration.Keys.Inherited, declaration.Keys.SourceBases), declaration.AcceptedDiagnostics);
    }
}
