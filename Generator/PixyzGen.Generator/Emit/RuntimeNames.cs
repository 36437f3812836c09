namespace PixyzGen.Generator.Emit;

/// <summary>How generated code spells TorchSharp's, the Runtime's and the BCL's types: the one place they are written.</summary>
internal static class RuntimeNames
{
    public const string Torch = "global::TorchSharp.torch";
    public const string Tensor = Torch + ".Tensor";
    public const string Variables = "global::PixyzGen.Variables";
    public const string DistributionSignature = "global::PixyzGen.DistributionSignature";
    public const string Distribution = "global::PixyzGen.Distribution";
    public const string GenerativeModel = "global::PixyzGen.GenerativeModel";
    public const string NormalParams = "global::PixyzGen.NormalParams";
    public const string Iteration = "global::PixyzGen.Iteration";
    public const string ForwardMemo = "global::PixyzGen.ForwardMemo";
    public const string Adversarial = "global::PixyzGen.Adversarial";
    public const string Mmd = "global::PixyzGen.MMD";
    public const string MmdKernel = "global::PixyzGen.MmdKernel";
    public const string Kl = "global::PixyzGen.KL";
    public const string InvalidOperationException = "global::System.InvalidOperationException";
    public const string Enumerable = "global::System.Linq.Enumerable";
    public const string Disposable = "global::System.IDisposable";
    public const string DisposeScope = "global::TorchSharp.DisposeScope";

    /// <summary>The family's parameter record as generated code spells it: the value for Deterministic, the inputs for a flow.</summary>
    public static string ParamsType(PixyzGen.Dsl.Checking.FamilyFacts family) =>
        family.IsDeterministic ? Tensor : family.IsDynamic ? Variables : "global::PixyzGen." + family.ParamsRecord;
}
