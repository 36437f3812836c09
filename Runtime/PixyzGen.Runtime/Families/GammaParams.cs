using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Parameters of a <see cref="Gamma"/>: shape (concentration) and rate, both positive.</summary>
public readonly record struct GammaParams(Tensor Concentration, Tensor Rate);
