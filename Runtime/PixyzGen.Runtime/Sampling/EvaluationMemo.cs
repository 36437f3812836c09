using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Values kept for one evaluation: a scope opened by the evaluation (joined when one is already open), keys of an owner,
/// a small tag and tensors compared by reference, and nothing kept outside a scope. <see cref="ForwardMemo"/> keeps
/// forward passes in one, <see cref="SharedDraws"/> a formula's draws in another.
/// </summary>
internal sealed class EvaluationMemo
{
    private readonly AsyncLocal<Dictionary<Key, object>?> ambient = new();

    /// <summary>Starts a scope for one evaluation; inside an open scope it joins that one.</summary>
    public IDisposable Begin()
    {
        if (ambient.Value is not null) return Joined.Instance;
        ambient.Value = new Dictionary<Key, object>();
        return new Scope(this);
    }

    /// <summary>Whether a scope is open.</summary>
    public bool IsActive => ambient.Value is not null;

    /// <summary>The value kept for <paramref name="owner"/>, <paramref name="tag"/> and these tensors in the current scope, computed now if none is.</summary>
    public T Get<T>(object owner, int tag, Tensor?[] tensors, Func<T> compute)
    {
        if (ambient.Value is not { } memo) return compute();
        var key = new Key(owner, tag, tensors);
        if (memo.TryGetValue(key, out var known) && known is T value) return value;
        value = compute();
        memo[key] = value!;
        return value;
    }

    /// <summary>The owner, the tag and the tensors, compared by reference: equal only for the very same tensors.</summary>
    private readonly struct Key(object owner, int tag, Tensor?[] tensors) : IEquatable<Key>
    {
        private readonly object owner = owner;
        private readonly int tag = tag;
        private readonly Tensor?[] tensors = tensors;

        public bool Equals(Key other)
        {
            if (!ReferenceEquals(owner, other.owner) || tag != other.tag || tensors.Length != other.tensors.Length) return false;
            for (var i = 0; i < tensors.Length; i++)
                if (!ReferenceEquals(tensors[i], other.tensors[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            var hash = RuntimeHelpers.GetHashCode(owner) * 31 + tag;
            foreach (var tensor in tensors) hash = hash * 31 + (tensor is null ? 0 : RuntimeHelpers.GetHashCode(tensor));
            return hash;
        }
    }

    private sealed class Scope(EvaluationMemo memo) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            memo.ambient.Value = null;
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
