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

    /// <summary>The family's parameter record as generated code spells it: the value for Deterministic, the inputs for a flow.</summary>
    public static string ParamsType(PixyzGen.Dsl.Checking.FamilyFacts family) =>
        family.IsDeterministic ? Tensor : family.IsDynamic ? Variables : "global::PixyzGen." + family.ParamsRecord;

    /// <summary>The Runtime's closed-form KL for a family pair, or null when a Monte Carlo estimate is needed.</summary>
    public static string? ClosedFormKl(string left, string right) =>
        PixyzGen.Dsl.Checking.KlClosedForms.Method(left, right) is { } method ? Kl + "." + method : null;
}
