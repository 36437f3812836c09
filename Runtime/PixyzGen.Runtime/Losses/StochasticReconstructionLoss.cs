namespace PixyzGen;

/// <summary>
/// Reconstruction loss -E_q(z|x)[log p(x|z)] by Monte Carlo over draws from the encoder: the cross entropy of the
/// decoder under the encoder, printed with Pixyz's names.
/// </summary>
public sealed class StochasticReconstructionLoss : CrossEntropy
{
    /// <summary>-E_encoder[log decoder], with <paramref name="samples"/> draws of the encoder per evaluation.</summary>
    public StochasticReconstructionLoss(Distribution encoder, Distribution decoder, int samples = 1) : base(encoder, decoder, samples)
    {
    }

    /// <summary>The encoder q(z|x).</summary>
    public Distribution Encoder => P;

    /// <summary>The decoder p(x|z).</summary>
    public Distribution Decoder => Q;
}
