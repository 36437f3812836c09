namespace PixyzGen.Dsl.Diagnostics;

/// <summary>Every PixyzGen diagnostic ID. Ranges: 00xx text, 01xx factorization, 02xx loss, 03xx C# shape. Never reuse an ID.</summary>
public static class DiagnosticIds
{
    public const string DistributionSyntax = "PXY0001";
    public const string VariableOnBothSides = "PXY0002";
    public const string VariableListedTwice = "PXY0003";
    public const string InvalidName = "PXY0004";
    public const string LossSyntax = "PXY0005";

    public const string ConflictingFactors = "PXY0101";
    public const string RecursiveFactorization = "PXY0102";
    public const string JointDiffersFromFactors = "PXY0103";
    public const string AmbiguousMember = "PXY0104";
    public const string UnusedMember = "PXY0105";

    public const string UnknownDistribution = "PXY0201";
    public const string SignatureMismatch = "PXY0202";
    public const string UnboundVariable = "PXY0203";
    public const string KlOverDifferentVariables = "PXY0204";
    public const string MonteCarloKl = "PXY0205";
    public const string UnusedLossParameter = "PXY0206";
    public const string NoDensity = "PXY0207";
    public const string DiscriminatorNotDeterministic = "PXY0208";
    public const string DiscriminatorReadsOtherVariables = "PXY0209";
    public const string TermJointMismatch = "PXY0210";
    public const string CannotDraw = "PXY0211";
    public const string TemperatureOfUnrelaxedFamily = "PXY0212";
    public const string TemperatureSetTwice = "PXY0213";
    public const string ScalarUsedAsVariable = "PXY0214";
    public const string SettingOfWrongType = "PXY0215";

    public const string NotPartial = "PXY0301";
    public const string NotAFamily = "PXY0302";
    public const string ForwardMismatch = "PXY0303";
    public const string BadLossSignature = "PXY0304";
    public const string UnsupportedTarget = "PXY0305";
    public const string ForwardTypes = "PXY0306";
    public const string LogDensityMismatch = "PXY0307";
    public const string NotAModel = "PXY0308";
    public const string LanguageVersionTooOld = "PXY0309";
}
