namespace PixyzGen.Generator;

/// <summary>Metadata names the generator matches; the only place they are spelled.</summary>
internal static class KnownNames
{
    public const string DistributionAttribute = "PixyzGen.DistributionAttribute";
    public const string ModelAttribute = "PixyzGen.ModelAttribute";
    public const string LossAttribute = "PixyzGen.LossAttribute";
    public const string RuntimeNamespace = "PixyzGen";

    /// <summary>The product-of-experts base class: parameters from its experts, not from Forward.</summary>
    public const string ProductOfExperts = "NormalPoE";
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string ForwardMethod = "Forward";
}
