using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Parameters of a <see cref="Beta"/>: concentration1 (alpha, of x) and concentration0 (beta, of 1 - x), both positive.</summary>
public readonly record struct BetaParams(Tensor Concentration1, Tensor Concentration0);
