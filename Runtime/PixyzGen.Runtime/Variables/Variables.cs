using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Values of named random variables, Pixyz's <c>x_dict</c>: <c>new Variables { ["x"] = x, ["y"] = y }</c>.
/// Immutable once built; <see cref="With(string, Tensor)"/> and <see cref="Merge"/> return new sets, so nothing
/// a distribution or a loss does changes the caller's dictionary. Insertion order is kept (printing, sampling).
/// </summary>
public sealed class Variables : IReadOnlyDictionary<string, Tensor>
{
    private readonly List<string> order = new();
    private readonly Dictionary<string, Tensor> values = new(StringComparer.Ordinal);

    /// <summary>No variables.</summary>
    public static Variables Empty { get; } = new();

    /// <summary>No variables; add them with the collection initializer (<c>new Variables { ["x"] = x }</c>).</summary>
    public Variables()
    {
    }

    /// <summary>Variables from name-value pairs (a later value replaces an earlier one of the same name).</summary>
    public Variables(IEnumerable<KeyValuePair<string, Tensor>> values)
    {
        foreach (var (name, value) in values) Set(name, value);
    }

    /// <summary>The value of <paramref name="name"/>; set only in an object initializer.</summary>
    public Tensor this[string name]
    {
        get => values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"No variable '{name}' among [{string.Join(", ", order)}].");
        init => Set(name, value);
    }

    /// <summary>Variables from name-value tuples: <c>Variables.Of(("x", x), ("z", z))</c>.</summary>
    public static Variables Of(params (string Name, Tensor Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, Tensor>(v.Name, v.Value)));

    /// <summary>The given values, leaving out nulls (absent modalities of a product of experts).</summary>
    public static Variables OfPresent(params (string Name, Tensor? Value)[] values) =>
        new(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, Tensor>(v.Name, v.Value!)));

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (replacing any previous value).</summary>
    public Variables With(string name, Tensor value)
    {
        var copy = new Variables(this);
        copy.Set(name, value);
        return copy;
    }

    /// <summary>A copy with every value of <paramref name="other"/> added; <paramref name="other"/> wins on shared names.</summary>
    public Variables Merge(IEnumerable<KeyValuePair<string, Tensor>> other)
    {
        var copy = new Variables(this);
        foreach (var (name, value) in other) copy.Set(name, value);
        return copy;
    }

    /// <summary>Only the listed variables that are present, in the listed order.</summary>
    public Variables Only(IEnumerable<string> names) =>
        new(names.Where(values.ContainsKey).Select(n => new KeyValuePair<string, Tensor>(n, values[n])));

    /// <summary>A copy without the listed variables.</summary>
    public Variables Without(IEnumerable<string> names)
    {
        var removed = new HashSet<string>(names, StringComparer.Ordinal);
        return new(order.Where(n => !removed.Contains(n)).Select(n => new KeyValuePair<string, Tensor>(n, values[n])));
    }

    /// <summary>A copy with variables renamed (<c>{"z": "y"}</c> turns z into y); names not listed stay.</summary>
    public Variables Rename(IReadOnlyDictionary<string, string> renames) =>
        new(order.Select(n => new KeyValuePair<string, Tensor>(renames.TryGetValue(n, out var to) ? to : n, values[n])));

    /// <summary>A copy with every value detached from the autograd graph (Pixyz's <c>detach_dict</c>).</summary>
    public Variables Detach() => new(order.Select(n => new KeyValuePair<string, Tensor>(n, values[n].detach())));

    /// <summary>The number of variables.</summary>
    public int Count => order.Count;

    /// <summary>The names, in insertion order.</summary>
    public IEnumerable<string> Keys => order;

    /// <summary>The values, in insertion order.</summary>
    public IEnumerable<Tensor> Values => order.Select(n => values[n]);

    /// <summary>Whether a variable is present.</summary>
    public bool ContainsKey(string key) => values.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, if present.</summary>
    public bool TryGetValue(string key, out Tensor value) => values.TryGetValue(key, out value!);

    /// <summary>The variables in insertion order.</summary>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() =>
        order.Select(n => new KeyValuePair<string, Tensor>(n, values[n])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() =>
        "{" + string.Join(", ", order.Select(n => $"{n}: [{string.Join(", ", values[n].shape)}]")) + "}";

    private void Set(string name, Tensor value)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A variable needs a name.", nameof(name));
        ArgumentNullException.ThrowIfNull(value, name);
        if (!values.ContainsKey(name)) order.Add(name);
        values[name] = value;
    }
}
