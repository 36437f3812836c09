using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// One forward pass per distribution and inputs within one loss evaluation: a generated loss body and the dynamic API's
/// <see cref="Loss.Eval"/> open a scope, and a distribution's parameters at the same input tensors are computed once in
/// it, however many terms (or products of experts) ask for them. Keys are the distribution and the input tensors by
/// reference, and the scope ends with the evaluation, so no value outlives the tensors it was computed from; outside a
/// scope nothing is kept.
/// </summary>
public static class ForwardMemo
{
    private static readonly AsyncLocal<Dictionary<Key, object>?> Ambient = new();

    /// <summary>Starts a scope for one evaluation; inside an open scope it joins that one.</summary>
    public static IDisposable Begin()
    {
        if (Ambient.Value is not null) return Joined.Instance;
        Ambient.Value = new Dictionary<Key, object>();
        return new Scope();
    }

    /// <summary>Whether a scope is open (callers can skip building a key when none is).</summary>
    public static bool IsActive => Ambient.Value is not null;

    /// <summary>The value computed for <paramref name="owner"/> at these inputs in the current scope, computed now if none is.</summary>
    public static T Get<T>(object owner, Tensor[] inputs, Func<T> compute)
    {
        if (Ambient.Value is not { } memo) return compute();
        var key = new Key(owner, inputs);
        if (memo.TryGetValue(key, out var known) && known is T value) return value;
        value = compute();
        memo[key] = value!;
        return value;
    }

    /// <summary>The distribution and its inputs, compared by reference: equal only for the very same tensors.</summary>
    private readonly struct Key(object owner, Tensor[] inputs) : IEquatable<Key>
    {
        private readonly object owner = owner;
        private readonly Tensor[] inputs = inputs;

        public bool Equals(Key other)
        {
            if (!ReferenceEquals(owner, other.owner) || inputs.Length != other.inputs.Length) return false;
            for (var i = 0; i < inputs.Length; i++)
                if (!ReferenceEquals(inputs[i], other.inputs[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            var hash = RuntimeHelpers.GetHashCode(owner);
            foreach (var input in inputs) hash = hash * 31 + RuntimeHelpers.GetHashCode(input);
            return hash;
        }
    }

    private sealed class Scope : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            Ambient.Value = null;
        }
    }

    private sealed class Joined : IDisposable
    {
        public static readonly Joined Instance = new();

        public void Dispose()
        {
        }
    }
}
