namespace PixyzGen.Samples.Vae.Training;

/// <summary>Per-epoch figures: mean training loss and the test set's negative ELBO, both in nats per image.</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double TestNegativeElbo);
