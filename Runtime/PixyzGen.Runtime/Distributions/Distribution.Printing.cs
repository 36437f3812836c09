using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PixyzGen;

public abstract partial class Distribution
{
    /// <summary>
    /// Pixyz's printed form: the distribution (with its factorization for joints) and the network architecture,
    /// one block per factor with its variables and submodules, in the order the factors were multiplied.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("Distribution:\n  ");
        text.Append(ProbFactorizedText == ProbText ? ProbText : $"{ProbText} = {ProbFactorizedText}");
        text.Append("\nNetwork architecture:\n");
        foreach (var factor in PrintedFactors) factor.AppendArchitecture(text);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>LaTeX of the signature, with the factorization for joints: <c>p(x,z) = p(x|z)p(z)</c>.</summary>
    public virtual string ToLatex()
    {
        var signature = EffectiveSignature.ToLatex();
        var factors = LatexFactorization;
        return factors == signature ? signature : $"{signature} = {factors}";
    }

    /// <summary>The factors as LaTeX; a single distribution is its own signature.</summary>
    protected internal virtual string LatexFactorization => EffectiveSignature.ToLatex();

    /// <summary>The distributions whose architecture <see cref="ToString"/> lists: this one, or a joint's factors.</summary>
    protected internal virtual IEnumerable<Distribution> PrintedFactors => new[] { this };

    private void AppendArchitecture(StringBuilder text)
    {
        static string List(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
        text.Append($"  {GetType().Name}(\n");
        text.Append($"    name={Name}, distribution_name={DistributionName},\n");
        text.Append($"    var={List(Var)}, cond_var={List(CondVar)}, input_var={List(InputVar)}, features_shape=[{string.Join(", ", FeatureShape ?? new long[0])}]\n");
        foreach (var (childName, child) in named_children()) ModuleText.Append(text, childName, child, "    ");
        text.Append("  )\n");
    }
}
