using System;
using System.Linq;

namespace PixyzGen;

/// <summary>
/// One draw per distribution, inputs and count within an evaluation of a formula, as a generated [Loss] body draws:
/// <c>E_q(z|x)[log p(x|z)] + MMD(q(z|x) || p(z))</c> uses the same z in both terms. Losses built with the dynamic API's
/// classes draw per term, as Pixyz does; a formula read at run time (<see cref="Loss.Parse(string, GenerativeModel)"/>)
/// evaluates inside a scope of this, so it means what the generated body means.
/// </summary>
internal static class SharedDraws
{
    private static readonly EvaluationMemo Memo = new();

    /// <summary>Starts a scope for one evaluation; inside an open scope it joins that one.</summary>
    public static IDisposable Begin() => Memo.Begin();

    /// <summary>
    /// <paramref name="inputs"/> with the draws of <paramref name="p"/> at these conditions and count: the ones drawn
    /// earlier in the current scope, or new ones. Only the drawn variables are kept between terms; each term keeps its
    /// own other inputs (a term inside another expectation has variables the first term had not).
    /// </summary>
    public static Variables Get(Distribution p, Variables inputs, int samples, Func<Variables> draw)
    {
        if (!Memo.IsActive) return draw();
        var conditions = p.CondVar.Select(name => inputs.TryGetValue(name, out var value) ? value : null).ToArray();
        Variables? drawn = null;
        var kept = Memo.Get(p, samples, conditions, () =>
        {
            drawn = draw();
            return drawn.Only(p.Var.Where(drawn.ContainsKey));
        });
        return drawn ?? inputs.Merge(kept);
    }
}
