using System.IO;

namespace PixyzGen.Training;

/// <summary>Where a run is: finished epochs, steps of the current epoch, steps overall, and its history.</summary>
internal sealed class TrainerState
{
    public int CompletedEpochs { get; set; }

    public long StepInEpoch { get; set; }

    public long Step { get; set; }

    public TrainingHistory History { get; } = new();

    public void Write(BinaryWriter writer)
    {
        writer.Write(CompletedEpochs);
        writer.Write(StepInEpoch);
        writer.Write(Step);
        writer.Write(History.SkippedSteps);
        writer.Write(History.StepLosses.Count);
        foreach (var loss in History.StepLosses) writer.Write(loss);
        writer.Write(History.Epochs.Count);
        foreach (var epoch in History.Epochs)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.TrainLoss);
            writer.Write(epoch.TestLoss);
            writer.Write(epoch.LearningRate);
        }
    }

    public static TrainerState Read(BinaryReader reader)
    {
        var state = new TrainerState
        {
            CompletedEpochs = NotNegative(reader.ReadInt32(), "finished epochs"),
            StepInEpoch = NotNegative(reader.ReadInt64(), "steps of the epoch"),
            Step = NotNegative(reader.ReadInt64(), "steps"),
        };
        state.History.SkippedSteps = NotNegative(reader.ReadInt64(), "skipped steps");
        var losses = NotNegative(reader.ReadInt32(), "step losses");
        for (var i = 0; i < losses; i++) state.History.StepLosses.Add(reader.ReadDouble());
        var epochs = NotNegative(reader.ReadInt32(), "epoch summaries");
        for (var i = 0; i < epochs; i++)
            state.History.Epochs.Add(new EpochSummary(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
        if (losses != state.Step || epochs != state.CompletedEpochs)
            throw new InvalidDataException($"the history ({losses} steps, {epochs} epochs) does not match the position (step {state.Step}, epoch {state.CompletedEpochs})");
        return state;
    }

    private static T NotNegative<T>(T value, string what) where T : System.Numerics.INumber<T> =>
        T.IsNegative(value) ? throw new InvalidDataException($"a negative count of {what}") : value;
}
