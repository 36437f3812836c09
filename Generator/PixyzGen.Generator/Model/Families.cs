using System.Linq;

namespace PixyzGen.Generator.Model;

/// <summary>What the generator knows of each Runtime family: its parameter record and which operations it has.</summary>
internal sealed record FamilyInfo(string Name, string ParamsType, bool HasReparam, bool HasEntropy);

internal static class Families
{
    public static readonly FamilyInfo[] All =
    {
        new("Normal", "global::PixyzGen.NormalParams", HasReparam: true, HasEntropy: true),
        new("Bernoulli", "global::PixyzGen.BernoulliParams", HasReparam: false, HasEntropy: true),
    };

    public static FamilyInfo? Find(string? name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The Runtime's closed-form KL for a family pair, or null when a Monte Carlo estimate is needed.</summary>
    public static string? ClosedFormKl(string left, string right) =>
        PixyzGen.Dsl.Checking.KlClosedForms.Method(left, right) is { } method ? "global::PixyzGen.KL." + method : null;
}
