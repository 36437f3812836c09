using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Datasets;

/// <summary>
/// A map-style dataset of named variables (TorchSharp's <see cref="utils.data.Dataset"/>, so TorchSharp's own
/// DataLoader takes it) that can also read many rows in one call: <see cref="Batches"/> asks for a whole batch at once,
/// which for tensors in memory is one <c>index_select</c> per variable instead of a tensor per row.
/// </summary>
public abstract class BatchDataset : utils.data.Dataset
{
    /// <summary>The variables each row holds ("x", "y", ...), in order.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The rows at <paramref name="rows"/> (each in [0, <see cref="utils.data.Dataset{T}.Count"/>)), one tensor per variable with the batch first, on the CPU.</summary>
    public abstract Variables GetBatch(long[] rows);

    /// <summary>One row as TorchSharp's DataLoader collates it: each variable without the batch dimension.</summary>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        CheckRows(new[] { index });
        using var scope = NewDisposeScope();
        var batch = GetBatch(new[] { index });
        return batch.ToDictionary(pair => pair.Key, pair => pair.Value.squeeze(0).MoveToOuterDisposeScope());
    }

    /// <summary>Throws when a row is outside the dataset, naming the row and the size.</summary>
    protected void CheckRows(long[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
            if (row < 0 || row >= Count)
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row {row} is outside this dataset of {Count} rows.");
    }
}
