namespace PixyzGen.Samples.Vae.Training;

/// <summary>Settings of one training run; <see cref="LossFormula"/>, a formula to train on in place of the model's [Loss], read at run time.</summary>
public sealed record TrainingOptions(int Epochs, int BatchSize, int Hidden, int Latent, long Seed, double LearningRate, string Device = "cpu", string? LossFormula = null);
