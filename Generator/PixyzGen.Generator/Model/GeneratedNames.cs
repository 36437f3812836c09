namespace PixyzGen.Generator.Model;

/// <summary>The member names the emitters write, so the extractors know which existing members could collide.</summary>
internal static class GeneratedNames
{
    public static readonly string[] Distribution =
        { "Signature", "Latex", "DeclaredSignature", "Params", "ParamsFor", "Sample", "RSample", "LogProb", "Mean", "Entropy", "Forward", "LogDensityFor", "Responsibilities" };

    /// <summary>Also <c>{Type}Sample</c> (the joint draw) and <c>{Loss}Latex</c> per loss.</summary>
    public static readonly string[] Model =
        { "Factorization", "Latex", "Dot", "FactorizationText", "DistributionMembers", "BuildJoint", "Sample", "LogProb" };
}
