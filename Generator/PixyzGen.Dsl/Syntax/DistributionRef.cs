using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Syntax;

/// <summary>A distribution signature such as <c>q(z|x)</c> or <c>p(x,y|z)</c>.</summary>
public sealed record DistributionRef(string Name, TextRange NameRange, EquatableArray<VariableRef> Vars, EquatableArray<VariableRef> CondVars, TextRange Range)
{
    public IEnumerable<string> VarNames => Vars.Select(v => v.Name);

    public IEnumerable<string> CondVarNames => CondVars.Select(v => v.Name);

    /// <summary>The canonical text: <c>p(x,y|z)</c>, no spaces.</summary>
    public string Text => CondVars.Count == 0
        ? $"{Name}({string.Join(",", VarNames)})"
        : $"{Name}({string.Join(",", VarNames)}|{string.Join(",", CondVarNames)})";

    /// <summary>Same name, variables and conditioning variables, in order; spans are ignored.</summary>
    public bool SameSignature(DistributionRef other) =>
        Name == other.Name && VarNames.SequenceEqual(other.VarNames) && CondVarNames.SequenceEqual(other.CondVarNames);

    public override string ToString() => Text;
}
