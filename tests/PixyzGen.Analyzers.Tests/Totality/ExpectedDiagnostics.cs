using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// The PXY diagnostics a <see cref="UserProgram"/> must get, computed from its description with the Dsl's rules alone
/// (no Roslyn): what the hosts must find when they read the C# correctly.
/// </summary>
public static class ExpectedDiagnostics
{
    public static List<string> Of(UserProgram program)
    {
        var ids = new List<DslError>();
        foreach (var d in program.Distributions)
        {
            if (PixyzGen.Generator.Extract.SymbolFacts.RequiredDistributionMembers.Contains(UserProgram.Unescape(d.TypeName)))
                ids.Add(DslError.Create(DiagnosticIds.UnsupportedTarget, default));
            var parsed = DslParser.ParseDistribution(d.Signature);
            ids.AddRange(parsed.Errors);
            if (parsed.Value is not { } signature) continue;
            var errors = SignatureChecker.Check(signature).ToList();
            ids.AddRange(errors);
            if (errors.Count > 0) continue;
            if (signature.Vars.Count != 1) { ids.Add(DslError.Create(DiagnosticIds.UnsupportedTarget, default)); continue; }
            // Generated programs write Forward with Tensor parameters returning the family's record: only names can differ.
            // A library base's Forward(Tensor x) counts only where the derived class may call it.
            var parameters = d.LibraryBase is { } libraryBase ? (LibraryOfBases.ForwardBases.Single(b => b.Name == libraryBase).ForwardUsable ? new[] { "x" } : null) : d.ForwardParameters;
            var shape = d.Constant || parameters is null ? null : new ForwardShape(parameters.Select(p => new ForwardParameterShape(p, "Tensor", "", TakesTensor: true)).ToEquatableArray(), false, "", ReturnFits: true);
            if (ForwardRule.Check(d.TypeName, shape, DistributionRefText.Of(signature), d.Family) is { } forward) ids.Add(forward);
        }

        // A member whose signature does not parse or breaks a signature rule declares nothing known (ModelStringChecker).
        // In a model deriving from the library's base, a type name the base declares as a nested type means that type.
        var declared = program.Members
            .Where(m => m.Readable)
            .Where(m => !program.DerivesFromLibrary || !LibraryOfBases.ModelBaseNestedTypes.Contains(UserProgram.Unescape(program.Distributions[m.Distribution].TypeName)))
            .Select(m => (Member: m, Class: program.Distributions[m.Distribution]))
            .Select(m => (m.Member, m.Class, Parsed: DslParser.ParseDistribution(m.Class.Signature).Value))
            .ToList();
        var incomplete = declared.Any(m => m.Parsed is null || SignatureChecker.Check(m.Parsed).Any());
        var members = declared
            .Where(m => m.Parsed is not null && !SignatureChecker.Check(m.Parsed).Any())
            .Select(m => new MemberSignature(UserProgram.Unescape(m.Member.Name), m.Parsed!, m.Class.Family))
            .ToList();
        var own = members.Count;
        // The library's model base adds its one readable member, unless a member of the model's own takes its name.
        var inherited = LibraryOfBases.InheritedMember;
        if (program.DerivesFromLibrary && !program.Members.Any(m => UserProgram.Unescape(m.Name) == inherited.Name))
            members.Add(new MemberSignature(inherited.Name, DslParser.ParseDistribution(inherited.Signature).Value!, inherited.Family));
        var references = new List<PixyzGen.Dsl.Syntax.DistributionRef>();
        var factorization = DslParser.ParseFactorization(program.Factorization);
        ids.AddRange(factorization.Errors);
        var allParsed = factorization.Value is not null;
        if (factorization.Value is { } f)
        {
            references.AddRange(f.Factors);
            var (errors, valid) = ModelStringChecker.Check(f, members, incomplete);
            ids.AddRange(errors);
            allParsed &= valid;
        }
        ids.AddRange(MemberChecker.Ambiguous(members).Select(a => a.Error));

        foreach (var loss in program.Losses)
        {
            var shape = new LossMethodShape(UserProgram.Unescape(loss.Name), true, loss.IsStatic, loss.IsGeneric, LossShapeRules.Tensor, false,
                loss.Parameters.Select(p => new LossParameterShape(UserProgram.Unescape(p.Name), p.Display, p.Modifier)).ToEquatableArray(), true);
            ids.AddRange(LossShapeRules.Check(shape));
            var parsed = DslParser.ParseLoss(loss.Formula);
            ids.AddRange(parsed.Errors);
            if (parsed.Value is not { } formula) { allParsed = false; continue; }
            references.AddRange(MemberChecker.References(formula));
            ids.AddRange(ModelStringChecker.Standing(LossChecker.Check(formula, members, shape.Parameters.ToList(), shape.Name), incomplete));
        }
        // Only the model's own members are called unused.
        if (allParsed && !incomplete) ids.AddRange(MemberChecker.Unused(members, references).Where(u => u.Member < own).Select(u => u.Error));
        return ids.Select(e => e.Id).OrderBy(i => i, System.StringComparer.Ordinal).ToList();
    }
}
