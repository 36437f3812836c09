using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PixyzGen;

public abstract partial class Distribution
{
    /// <summary>
    /// Pixyz's printed form: the distribution (with its factorization for joints) and the network architecture: for a
    /// joint, one block per factor, parents first as Pixyz sorts them, each under its signature in the joint
    /// (<c>p(w|y) -&gt; p(z|y):</c> for a renamed one); each block with its variables, its constant parameters' shapes
    /// and its networks.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("Distribution:\n  ");
        text.Append(JointText);
        text.Append("\nNetwork architecture:\n");
        var factors = PrintedFactors.ToList();
        var atomic = factors.Count == 1 && ReferenceEquals(factors[0].Holder, this);
        foreach (var factor in factors)
        {
            if (!atomic) text.Append("  ").Append(factor.Header).Append(":\n");
            factor.Holder.AppendArchitecture(text);
        }
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

    /// <summary>The blocks <see cref="ToString"/> lists: this distribution, or a joint's factors.</summary>
    internal virtual IEnumerable<PrintedFactor> PrintedFactors => new[] { new PrintedFactor(new DistributionSignature(Name, Var, CondVar), this) };

    // p(x,z) = p(x|z)p(z), or the signature alone when it is its own factorization.
    private string JointText => ProbFactorizedText == ProbText ? ProbText : $"{ProbText} = {ProbFactorizedText}";

    private void AppendArchitecture(StringBuilder text)
    {
        static string List(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
        text.Append($"  {GetType().Name}(\n");
        text.Append($"    name={Name}, distribution_name={DistributionName},\n");
        text.Append($"    var={List(Var)}, cond_var={List(CondVar)}, input_var={List(InputVar)}, features_shape=[{string.Join(", ", FeatureShape ?? new long[0])}]\n");
        // Constant parameters, as Pixyz lists its buffers: (loc): [64].
        foreach (var (bufferName, buffer) in named_buffers(recurse: false)) text.Append($"    ({bufferName}): [{string.Join(", ", buffer.shape)}]\n");
        foreach (var (childName, child) in named_children()) ModuleText.Append(text, childName, child, "    ");
        text.Append("  )\n");
    }

    /// <summary>
    /// One block of the printed network architecture: a factor under the joint's names and the distribution that holds
    /// its parameters and networks.
    /// </summary>
    internal sealed record PrintedFactor(DistributionSignature Signature, Distribution Holder)
    {
        /// <summary><c>p(x|z)</c>, or <c>p(w|y) -&gt; p(z|y)</c> when the joint names the holder's variables otherwise.</summary>
        public string Header => Signature.ToString() == Holder.ProbText ? Holder.ProbText : $"{Signature} -> {Holder.JointText}";
    }
}
