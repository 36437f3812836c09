using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace PixyzGen;

public abstract partial class Loss
{
    private static readonly ConditionalWeakTable<GenerativeModel, ConcurrentDictionary<string, Loss>> Parsed = new();

    /// <summary>
    /// The loss a formula of the DSL (the text a <c>[Loss]</c> takes) names over a model's distribution members, read at
    /// run time: for scripts, notebooks and losses chosen by configuration. Its value equals the generated body's on
    /// the same seed and inputs; variables and named scalars (<c>beta</c>) are read from the <see cref="Variables"/> at
    /// evaluation. Parsed once per formula and model.
    /// </summary>
    /// <exception cref="DslException">The formula breaks a rule of the DSL (the analyzer's PXY id, span and message).</exception>
    /// <exception cref="NotSupportedException">The formula holds a term not built at run time yet (its message names it).</exception>
    public static Loss Parse(string formula, GenerativeModel model)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(model);
        return Parsed.GetOrCreateValue(model).GetOrAdd(formula, text =>
            RuntimeFormula.Build(text, model.NamedMembers.Where(m => m.Member is not null).Select(m => (m.Name, m.Member!)).ToList()));
    }

    /// <summary>The loss a formula names over these distributions (each known by its signature, as <c>q(z|x)</c>).</summary>
    /// <exception cref="DslException">The formula breaks a rule of the DSL (the analyzer's PXY id, span and message).</exception>
    /// <exception cref="NotSupportedException">The formula holds a term not built at run time yet (its message names it).</exception>
    public static Loss Parse(string formula, IEnumerable<Distribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        return RuntimeFormula.Build(formula, distributions.Select(d => (d.ProbText, d)).ToList());
    }
}
