namespace PixyzGen.Generator.Model;

/// <summary>
/// The names of the members the planners write, each spelled once: the planners name their members with these
/// constants, and the extractors read the user's members under these names (what a plan could collide with) before
/// any plan exists. A test checks every planned member's name against <see cref="Distribution"/> and <see cref="Model"/>.
/// </summary>
internal static class GeneratedNames
{
    public const string Signature = nameof(Signature);
    public const string Latex = nameof(Latex);
    public const string DeclaredSignature = nameof(DeclaredSignature);
    public const string Params = nameof(Params);
    public const string ParamsFor = nameof(ParamsFor);
    public const string Sample = nameof(Sample);
    public const string RSample = nameof(RSample);
    public const string LogProb = nameof(LogProb);
    public const string Mean = nameof(Mean);
    public const string Entropy = nameof(Entropy);
    public const string Forward = nameof(Forward);
    public const string LogDensityFor = nameof(LogDensityFor);
    public const string Responsibilities = nameof(Responsibilities);
    public const string Factorization = nameof(Factorization);
    public const string Dot = nameof(Dot);
    public const string FactorizationText = nameof(FactorizationText);
    public const string DistributionMembers = nameof(DistributionMembers);
    public const string BuildJoint = nameof(BuildJoint);

    /// <summary>What a [Distribution] plan may write.</summary>
    public static readonly string[] Distribution =
        { Signature, Latex, DeclaredSignature, Params, ParamsFor, Sample, RSample, LogProb, Mean, Entropy, Forward, LogDensityFor, Responsibilities };

    /// <summary>What a model's plan may write, besides <see cref="JointDraw"/> and <see cref="LossLatex"/> of its own names.</summary>
    public static readonly string[] Model =
        { Factorization, Latex, Dot, FactorizationText, DistributionMembers, BuildJoint, Sample, LogProb };

    /// <summary>The record of a model's joint draw: <c>VaeSample</c>.</summary>
    public static string JointDraw(string typeName) => typeName + "Sample";

    /// <summary>A loss's LaTeX constant: <c>LossLatex</c>.</summary>
    public static string LossLatex(string lossName) => lossName + "Latex";
}
