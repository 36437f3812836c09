namespace PixyzGen.Generator.Emit;

/// <summary>How generated code spells TorchSharp's and the Runtime's types: the one place they are written.</summary>
internal static class RuntimeNames
{
    public const string Torch = "global::TorchSharp.torch";
    public const string Tensor = Torch + ".Tensor";
    public const string Variables = "global::PixyzGen.Variables";
    public const string DistributionSignature = "global::PixyzGen.DistributionSignature";
    public const string Distribution = "global::PixyzGen.Distribution";
    public const string NormalParams = "global::PixyzGen.NormalParams";
    public const string Iteration = "global::PixyzGen.Iteration";
    public const string Adversarial = "global::PixyzGen.Adversarial";
    public const string Mmd = "global::PixyzGen.MMD";
    public const string MmdKernel = "global::PixyzGen.MmdKernel";
    public const string Kl = "global::PixyzGen.KL";
}
