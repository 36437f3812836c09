namespace PixyzGen.Samples.Vae.Model;

/// <summary>Sizes of the sample's networks (Pixyz's VAE example: 784-512-512-64).</summary>
public static class VaeShape
{
    public const int Side = 28;
    public const int Pixels = Side * Side;
    public const int Hidden = 512;
    public const int Latent = 64;
}
