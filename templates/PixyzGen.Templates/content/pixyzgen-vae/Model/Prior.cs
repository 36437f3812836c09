using PixyzGen;

namespace PixyzGenVae.Model;

/// <summary>p(z): the standard Normal prior over the code.</summary>
[Distribution("p(z)")]
public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [BarsVae.Latent]);
