using System.Collections.Generic;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Checking;

/// <summary>Rules of a single signature: valid names (PXY0004), no repeated variable (PXY0003), none on both sides (PXY0002).</summary>
public static class SignatureChecker
{
    public static IEnumerable<DslError> Check(DistributionRef dist)
    {
        if (InvalidNameReason(dist.Name) is { } nameReason)
            yield return DslError.Create(DiagnosticIds.InvalidName, dist.NameRange, dist.Name, nameReason);

        var seen = new HashSet<string>();
        foreach (var variable in dist.Vars)
        {
            if (InvalidNameReason(variable.Name) is { } reason)
                yield return DslError.Create(DiagnosticIds.InvalidName, variable.Range, variable.Name, reason);
            else if (!seen.Add(variable.Name))
                yield return DslError.Create(DiagnosticIds.VariableListedTwice, variable.Range, variable.Name, dist.Text);
        }

        var seenConditions = new HashSet<string>();
        foreach (var variable in dist.CondVars)
        {
            if (InvalidNameReason(variable.Name) is { } reason)
                yield return DslError.Create(DiagnosticIds.InvalidName, variable.Range, variable.Name, reason);
            else if (seen.Contains(variable.Name))
                yield return DslError.Create(DiagnosticIds.VariableOnBothSides, variable.Range, variable.Name, dist.Text);
            else if (!seenConditions.Add(variable.Name))
                yield return DslError.Create(DiagnosticIds.VariableListedTwice, variable.Range, variable.Name, dist.Text);
        }
    }

    /// <summary>Why a name cannot be used, or null when it can. Names become C# identifiers in generated code.</summary>
    public static string? InvalidNameReason(string name)
    {
        if (ReservedWords.IsDslWord(name)) return "it is a reserved word of the DSL";
        if (ReservedWords.IsCSharpKeyword(name)) return "it is a C# keyword";
        if (name == "_") return "'_' is a discard in C#, not a name";
        if (name.StartsWith("__", System.StringComparison.Ordinal)) return "names starting with '__' are reserved for generated code";
        return null;
    }
}
