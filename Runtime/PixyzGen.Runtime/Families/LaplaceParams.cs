using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Parameters of a <see cref="Laplace"/>: location and scale (positive).</summary>
public readonly record struct LaplaceParams(Tensor Loc, Tensor Scale);
