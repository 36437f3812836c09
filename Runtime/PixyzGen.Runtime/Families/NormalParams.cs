using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Parameters of a <see cref="Normal"/>: mean and standard deviation (positive), broadcastable to one shape.</summary>
public readonly record struct NormalParams(Tensor Loc, Tensor Scale);
