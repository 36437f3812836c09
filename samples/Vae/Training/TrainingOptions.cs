namespace PixyzGen.Samples.Vae.Training;

/// <summary>Settings of one training run.</summary>
public sealed record TrainingOptions(int Epochs, int BatchSize, int Hidden, int Latent, long Seed, double LearningRate, string Device = "cpu");
