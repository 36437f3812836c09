namespace PixyzGen.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one's caching.</summary>
public static class TrackingNames
{
    public const string DistributionDeclarations = nameof(DistributionDeclarations);
    public const string DistributionSpecs = nameof(DistributionSpecs);
    public const string ModelDeclarations = nameof(ModelDeclarations);
    public const string LossOwnerDeclarations = nameof(LossOwnerDeclarations);
    public const string ModelSpecs = nameof(ModelSpecs);
    public const string Language = nameof(Language);
    public const string TargetErrors = nameof(TargetErrors);
    public const string DistributionPlans = nameof(DistributionPlans);
    public const string ModelPlans = nameof(ModelPlans);
    public const string GeneratedMembers = nameof(GeneratedMembers);
    public const string ResolvedPlans = nameof(ResolvedPlans);

    public static readonly string[] All = { DistributionDeclarations, DistributionSpecs, ModelDeclarations, LossOwnerDeclarations, ModelSpecs, Language, TargetErrors, DistributionPlans, ModelPlans, GeneratedMembers, ResolvedPlans };
}
