using static TorchSharp.torch;

namespace PixyzGen.Samples.Vae.Training;

/// <summary>The training device from <c>--device</c>: <c>auto</c> takes CUDA when a CUDA build of TorchSharp sees a GPU.</summary>
public static class Devices
{
    /// <summary>"cpu" or "cuda"; null when CUDA was asked for and is not there.</summary>
    public static string? Resolve(string requested) => requested switch
    {
        "cpu" => "cpu",
        "cuda" => cuda.is_available() ? "cuda" : null,
        _ => cuda.is_available() ? "cuda" : "cpu",
    };
}
