using System;
using System.IO;
using static TorchSharp.torch;

namespace PixyzGen.Training;

/// <summary>
/// A trainer's checkpoint: the position and history of the run, the data it was trained on (rows, batch size), the
/// random generator's state, and the objective's parameters and optimizer state. Written atomically
/// (<see cref="AtomicFile"/>); read all or nothing: on any error the objective is left as it was.
/// </summary>
internal static class TrainingCheckpoint
{
    private const string Magic = "PixyzGen.Training checkpoint";
    private const int Version = 1;

    public static void Save(string path, TrainerState state, Objective objective, long trainRows, int batchSize)
    {
        // A diverged model must not replace a good checkpoint.
        foreach (var (name, parameter) in objective.Module.named_parameters())
            if (!parameter.isfinite().all().item<bool>())
                throw new InvalidOperationException($"Refusing to write {path}: parameter '{name}' holds NaN or infinite values (training diverged); the previous checkpoint is unchanged.");
        AtomicFile.Write(path, writer =>
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(trainRows);
            writer.Write(batchSize);
            state.Write(writer);
            using var rng = random.get_rng_state();
            var bytes = rng.data<byte>().ToArray();
            writer.Write(bytes.Length);
            writer.Write(bytes);
            objective.WriteState(writer);
        });
    }

    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="objective"/> and the random generator and returns the run's
    /// state; <paramref name="beforeObjective"/> runs once the header has read (a scheduler's replay), and is undone
    /// with everything else if what follows fails.
    /// </summary>
    public static TrainerState Load(string path, Objective objective, long trainRows, int batchSize, Action<TrainerState> beforeObjective)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException e) { throw new InvalidDataException($"{path}: cannot be read ({e.Message}); nothing was changed.", e); }
        using var backup = new MemoryStream();
        using (var writer = new BinaryWriter(backup, System.Text.Encoding.UTF8, leaveOpen: true)) objective.WriteState(writer);
        TrainerState state;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = new BinaryReader(stream);
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a PixyzGen.Training checkpoint");
            var version = reader.ReadInt32();
            if (version != Version) throw new InvalidDataException($"checkpoint version {version}; this PixyzGen.Training reads version {Version}");
            var rows = reader.ReadInt64();
            var batch = reader.ReadInt32();
            if (rows != trainRows || batch != batchSize)
                throw new InvalidDataException($"written for {rows} training rows in batches of {batch}; this run has {trainRows} rows in batches of {batchSize}");
            state = TrainerState.Read(reader);
            var rng = reader.ReadBytes(reader.ReadInt32());
            beforeObjective(state);
            objective.ReadState(reader);
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the end of the checkpoint");
            using var rngState = tensor(rng, ScalarType.Byte);
            random.set_rng_state(rngState);   // last: it throws on a malformed state, and then nothing else has stayed changed
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            backup.Position = 0;
            using (var reader = new BinaryReader(backup)) objective.ReadState(reader);
            throw new InvalidDataException($"{path}: cannot resume from it ({e.Message}); nothing was changed.", e);
        }
        return state;
    }
}
