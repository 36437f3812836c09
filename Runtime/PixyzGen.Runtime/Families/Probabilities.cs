using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>Probabilities kept away from 0 and 1 so their logarithms stay finite.</summary>
internal static class Probabilities
{
    /// <summary>
    /// Clamped to [eps, 1 - eps] with the epsilon of the tensor's own dtype, as torch.distributions' clamp_probs
    /// does: float32's 1.19e-7 would cut float64 probabilities (1e-9 scores log 1.19e-7 instead of log 1e-9).
    /// </summary>
    public static Tensor Clamp(Tensor probabilities)
    {
        var eps = finfo(probabilities.dtype).eps;
        return probabilities.clamp(eps, 1 - eps);
    }
}
