using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Parameters of a <see cref="Dirichlet"/>: concentrations (positive) over the last dimension.</summary>
public readonly record struct DirichletParams(Tensor Concentration);
