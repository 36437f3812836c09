using System;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;

namespace PixyzGen;

/// <summary>
/// Saves and loads an optimizer's state in TorchSharp's format, with <see cref="FusedAdam"/> recorded as the
/// <see cref="Adam"/> it is (TorchSharp names the optimizer's type in the file): checkpoints of models trained with
/// either load into the other, and those written before the fused default still load.
/// </summary>
public static class OptimizerCheckpoint
{
    private const string AdamName = nameof(Adam);

    /// <summary>TorchSharp's managed optimizers (Adam, SGD, ...) can save their state; native-only ones cannot.</summary>
    public static OptimizerHelper Of(torch.optim.Optimizer optimizer) =>
        optimizer as OptimizerHelper ?? throw new NotSupportedException($"{optimizer.GetType().Name} cannot save or load its state.");

    /// <summary>Writes the optimizer's state (a <see cref="FusedAdam"/> as an Adam).</summary>
    public static void Save(torch.optim.Optimizer optimizer, BinaryWriter writer)
    {
        var state = Of(optimizer);
        if (state is not FusedAdam)
        {
            state.save_state_dict(writer);
            return;
        }
        using var buffer = new MemoryStream();
        using (var inner = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) state.save_state_dict(inner);
        buffer.Position = 0;
        using var read = new BinaryReader(buffer);
        read.ReadString();   // TorchSharp's "FusedAdam"
        writer.Write(AdamName);
        buffer.CopyTo(writer.BaseStream);
    }

    /// <summary>Reads what <see cref="Save"/> or TorchSharp's <c>save_state_dict</c> wrote; a <see cref="FusedAdam"/> reads an Adam's state.</summary>
    public static void Load(torch.optim.Optimizer optimizer, BinaryReader reader)
    {
        var state = Of(optimizer);
        if (state is not FusedAdam || !reader.BaseStream.CanSeek)
        {
            state.load_state_dict(reader);
            return;
        }
        var start = reader.BaseStream.Position;
        var recorded = reader.ReadString();
        if (recorded != AdamName)
        {
            reader.BaseStream.Position = start;   // TorchSharp names the mismatch
            state.load_state_dict(reader);
            return;
        }
        // TorchSharp checks the name it wrote for this type: give it that name over the rest of the bytes.
        var afterName = reader.BaseStream.Position;
        using var renamed = new MemoryStream();
        using (var writer = new BinaryWriter(renamed, System.Text.Encoding.UTF8, leaveOpen: true)) writer.Write(state.GetType().Name);
        var prefix = renamed.Length;
        reader.BaseStream.CopyTo(renamed);
        renamed.Position = 0;
        using (var inner = new BinaryReader(renamed, System.Text.Encoding.UTF8, leaveOpen: true)) state.load_state_dict(inner);
        reader.BaseStream.Position = afterName + (renamed.Position - prefix);
    }
}
