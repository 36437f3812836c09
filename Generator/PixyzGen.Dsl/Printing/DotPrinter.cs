using System.Linq;
using System.Text;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Printing;

/// <summary>
/// The graph of a factorization in Graphviz DOT: an edge from each conditioning variable to the variable its factor
/// generates; inputs (conditioned on, never generated) are boxes, marginalized variables dashed.
/// </summary>
public static class DotPrinter
{
    public static string Factorization(Factorization f, string graphName)
    {
        var text = new StringBuilder($"digraph {graphName} {{\n");
        var generated = f.Factors.SelectMany(x => x.VarNames).Distinct().ToList();
        var generatedSet = new System.Collections.Generic.HashSet<string>(generated);
        var kept = new System.Collections.Generic.HashSet<string>(f.Joint.VarNames);
        var inputs = f.Factors.SelectMany(x => x.CondVarNames).Distinct().Where(v => !generatedSet.Contains(v));
        foreach (var input in inputs) text.Append($"  {input} [shape=box];\n");
        foreach (var hidden in generated.Where(v => !kept.Contains(v))) text.Append($"  {hidden} [style=dashed];\n");
        foreach (var factor in f.Factors)
        {
            foreach (var variable in factor.VarNames)
            {
                if (factor.CondVars.Count == 0) text.Append($"  {variable};\n");
                foreach (var condition in factor.CondVarNames) text.Append($"  {condition} -> {variable};\n");
            }
        }
        return text.Append('}').ToString();
    }
}
