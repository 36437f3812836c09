namespace PixyzGen.Samples.Vae.Model;

/// <summary>p(z): the standard Normal prior over the latent code.</summary>
[Distribution("p(z)")]
public sealed partial class Prior(int latent) : Normal(loc: 0, scale: 1, features: [latent]);
