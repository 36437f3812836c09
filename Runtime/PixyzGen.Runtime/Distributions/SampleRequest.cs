namespace PixyzGen;

/// <summary>How a draw was asked for: batch size (for distributions without inputs), leading sample shape, reparameterization.</summary>
public readonly record struct SampleRequest(long? BatchN, long[] SampleShape, bool Reparam);
