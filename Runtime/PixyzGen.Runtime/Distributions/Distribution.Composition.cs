using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

public abstract partial class Distribution
{
    /// <summary>The joint of two distributions: <c>p(x|z) * p(z)</c> is <c>p(x,z)</c>.</summary>
    public static MultiplyDistribution operator *(Distribution a, Distribution b) => new(a, b);

    /// <summary>This distribution with variables renamed: <c>ReplaceVar(("z", "y"))</c> turns <c>p(x|z)</c> into <c>p(x|y)</c>.</summary>
    public ReplaceVarDistribution ReplaceVar(params (string From, string To)[] replace) =>
        new(this, replace.ToDictionary(r => r.From, r => r.To));

    /// <summary>This distribution with variables renamed by a dictionary.</summary>
    public ReplaceVarDistribution ReplaceVar(IReadOnlyDictionary<string, string> replace) => new(this, replace);

    /// <summary>This joint with variables integrated out: <c>p(x,z).MarginalizeVar("z")</c> is <c>p(x)</c>.</summary>
    public MarginalizeVarDistribution MarginalizeVar(params string[] variables) => new(this, variables);

    /// <summary>
    /// Throws unless <paramref name="p"/> and <paramref name="q"/> are over the same variables, naming both lists:
    /// what divergences and distances between two distributions require (<paramref name="term"/> names the term).
    /// </summary>
    public static void RequireSameVariables(Distribution p, Distribution q, string term)
    {
        if (p.Var.SequenceEqual(q.Var)) return;
        throw new System.ArgumentException(
            $"{term}({p.ProbText} || {q.ProbText}): the operands are over different variables [{string.Join(", ", p.Var)}] and [{string.Join(", ", q.Var)}].");
    }

    /// <summary>Pixyz's <c>sum_samples</c>: sums every dimension but the first (batch), leaving one value per sample.</summary>
    public static Tensor SumSamples(Tensor samples) => samples.Dimensions switch
    {
        0 or 1 => samples,
        _ => samples.sum(Enumerable.Range(1, (int)samples.Dimensions - 1).Select(i => (long)i).ToArray()),
    };
}
