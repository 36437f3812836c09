using System.Collections.Generic;

namespace PixyzGen;

/// <summary>The name and variables of a distribution: <c>q(z|x)</c> is name q, variables [z], conditioning [x].</summary>
public sealed record DistributionSignature(string Name, IReadOnlyList<string> Var, IReadOnlyList<string> CondVar)
{
    /// <summary>Pixyz's <c>prob_text</c>: <c>p(x|z)</c>.</summary>
    public override string ToString() => CondVar.Count == 0
        ? $"{Name}({string.Join(",", Var)})"
        : $"{Name}({string.Join(",", Var)}|{string.Join(",", CondVar)})";
}
