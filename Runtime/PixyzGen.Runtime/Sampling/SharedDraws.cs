using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// One draw per distribution, inputs and count within an evaluation of a formula, as a generated [Loss] body draws:
/// <c>E_q(z|x)[log p(x|z)] + MMD(q(z|x) || p(z))</c> uses the same z in both terms. Losses built with the dynamic API's
/// classes draw per term, as Pixyz does; a formula read at run time (<see cref="Loss.Parse(string, GenerativeModel)"/>)
/// evaluates inside a scope of this, so it means what the generated body means.
/// </summary>
internal static class SharedDraws
{
    private static readonly AsyncLocal<Dictionary<Key, Variables>?> Ambient = new();

    /// <summary>Starts a scope for one evaluation; inside an open scope it joins that one.</summary>
    public static IDisposable Begin()
    {
        if (Ambient.Value is not null) return Joined.Instance;
        Ambient.Value = new Dictionary<Key, Variables>();
        return new Scope();
    }

    /// <summary>
    /// <paramref name="inputs"/> with the draws of <paramref name="p"/> at these conditions and count: the ones drawn
    /// earlier in the current scope, or new ones. Only the drawn variables are kept between terms; each term keeps its
    /// own other inputs (a term inside another expectation has variables the first term had not).
    /// </summary>
    public static Variables Get(Distribution p, Variables inputs, int samples, Func<Variables> draw)
    {
        if (Ambient.Value is not { } memo) return draw();
        var conditions = p.CondVar.Select(name => inputs.TryGetValue(name, out var value) ? value : null).ToArray();
        var key = new Key(p, samples, conditions);
        if (memo.TryGetValue(key, out var known)) return inputs.Merge(known);
        var drawn = draw();
        memo[key] = drawn.Only(p.Var.Where(drawn.ContainsKey));
        return drawn;
    }

    /// <summary>The distribution, the count and the conditioning tensors, compared by reference.</summary>
    private readonly struct Key(Distribution p, int samples, Tensor?[] conditions) : IEquatable<Key>
    {
        private readonly Distribution p = p;
        private readonly int samples = samples;
        private readonly Tensor?[] conditions = conditions;

        public bool Equals(Key other) =>
            ReferenceEquals(p, other.p) && samples == other.samples && conditions.Length == other.conditions.Length
            && conditions.Zip(other.conditions).All(pair => ReferenceEquals(pair.First, pair.Second));

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            var hash = HashCode.Combine(RuntimeHelpers.GetHashCode(p), samples);
            foreach (var condition in conditions) hash = HashCode.Combine(hash, condition is null ? 0 : RuntimeHelpers.GetHashCode(condition));
            return hash;
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Ambient.Value = null;
    }

    private sealed class Joined : IDisposable
    {
        public static readonly Joined Instance = new();

        public void Dispose()
        {
        }
    }
}
