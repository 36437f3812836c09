using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>
/// Named tensors in memory whose first dimension is the row (Pixyz's dictionaries of tensors, PyTorch's
/// <c>TensorDataset</c> with names): <c>new InMemoryDataset(("x", images), ("y", labels))</c>. The dataset owns its
/// tensors and disposes them.
/// </summary>
public sealed class InMemoryDataset : BatchDataset
{
    private readonly (string Name, Tensor Value)[] columns;

    /// <summary>A dataset of <paramref name="columns"/>; every tensor has the same number of rows (its first dimension).</summary>
    public InMemoryDataset(params (string Name, Tensor Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("A dataset needs at least one variable.", nameof(columns));
        var duplicate = columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The variable '{duplicate.Key}' is given twice.", nameof(columns));
        foreach (var (name, value) in columns)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A variable needs a name.", nameof(columns));
            if (value is null || value.dim() == 0)
                throw new ArgumentException($"'{name}' must be a tensor whose first dimension is the row.", nameof(columns));
            if (value.shape[0] != columns[0].Value.shape[0])
                throw new ArgumentException(
                    $"'{name}' has {value.shape[0]} rows but '{columns[0].Name}' has {columns[0].Value.shape[0]}; every variable needs one row per example.", nameof(columns));
        }
        this.columns = columns;
        Names = columns.Select(c => c.Name).ToArray();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; }

    /// <inheritdoc/>
    public override long Count => columns[0].Value.shape[0];

    /// <summary>The whole tensor of <paramref name="name"/> (all rows; still owned by the dataset).</summary>
    public Tensor this[string name] => columns.FirstOrDefault(c => c.Name == name).Value
        ?? throw new KeyNotFoundException($"No variable '{name}' among [{string.Join(", ", Names)}].");

    /// <inheritdoc/>
    public override Variables GetBatch(long[] rows)
    {
        CheckRows(rows);
        using var scope = NewDisposeScope();
        var device = columns[0].Value.device;
        var index = tensor(rows, ScalarType.Int64, device);
        return new Variables(columns.Select(c =>
            new KeyValuePair<string, Tensor>(c.Name, c.Value.index_select(0, index.to(c.Value.device)).MoveToOuterDisposeScope())));
    }

    /// <summary>The first <paramref name="count"/> rows as a dataset of its own (copies; this dataset is unchanged).</summary>
    public InMemoryDataset Take(long count)
    {
        if (count < 1 || count > Count) throw new ArgumentOutOfRangeException(nameof(count), count, $"Between 1 and {Count} rows.");
        return new InMemoryDataset(columns.Select(c => (c.Name, c.Value.narrow(0, 0, count).clone())).ToArray());
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var (_, value) in columns) value.Dispose();
    }
}
