using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Analyzers;

/// <summary>
/// Every rule (docs/diagnostics/), one field each (release tracking reads the IDs from these constructions); titles and
/// messages come from the Dsl's <see cref="DiagnosticCatalog"/>, shared with the generator. Each links to its page
/// under docs/diagnostics/ (<see cref="HelpLinks"/>).
/// </summary>
internal static class Descriptors
{
    public const string Category = "PixyzGen";

    public static readonly DiagnosticDescriptor DistributionSyntax = new("PXY0001", Title(DiagnosticIds.DistributionSyntax), Format(DiagnosticIds.DistributionSyntax), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0001"));

    public static readonly DiagnosticDescriptor VariableOnBothSides = new("PXY0002", Title(DiagnosticIds.VariableOnBothSides), Format(DiagnosticIds.VariableOnBothSides), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0002"));

    public static readonly DiagnosticDescriptor VariableListedTwice = new("PXY0003", Title(DiagnosticIds.VariableListedTwice), Format(DiagnosticIds.VariableListedTwice), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0003"));

    public static readonly DiagnosticDescriptor InvalidName = new("PXY0004", Title(DiagnosticIds.InvalidName), Format(DiagnosticIds.InvalidName), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0004"));

    public static readonly DiagnosticDescriptor LossSyntax = new("PXY0005", Title(DiagnosticIds.LossSyntax), Format(DiagnosticIds.LossSyntax), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0005"));

    public static readonly DiagnosticDescriptor ConflictingFactors = new("PXY0101", Title(DiagnosticIds.ConflictingFactors), Format(DiagnosticIds.ConflictingFactors), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0101"));

    public static readonly DiagnosticDescriptor RecursiveFactorization = new("PXY0102", Title(DiagnosticIds.RecursiveFactorization), Format(DiagnosticIds.RecursiveFactorization), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0102"));

    public static readonly DiagnosticDescriptor JointDiffersFromFactors = new("PXY0103", Title(DiagnosticIds.JointDiffersFromFactors), Format(DiagnosticIds.JointDiffersFromFactors), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0103"));

    public static readonly DiagnosticDescriptor AmbiguousMember = new("PXY0104", Title(DiagnosticIds.AmbiguousMember), Format(DiagnosticIds.AmbiguousMember), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0104"));

    public static readonly DiagnosticDescriptor UnusedMember = new("PXY0105", Title(DiagnosticIds.UnusedMember), Format(DiagnosticIds.UnusedMember), Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0105"));

    public static readonly DiagnosticDescriptor UnknownDistribution = new("PXY0201", Title(DiagnosticIds.UnknownDistribution), Format(DiagnosticIds.UnknownDistribution), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0201"));

    public static readonly DiagnosticDescriptor SignatureMismatch = new("PXY0202", Title(DiagnosticIds.SignatureMismatch), Format(DiagnosticIds.SignatureMismatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0202"));

    public static readonly DiagnosticDescriptor UnboundVariable = new("PXY0203", Title(DiagnosticIds.UnboundVariable), Format(DiagnosticIds.UnboundVariable), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0203"));

    public static readonly DiagnosticDescriptor KlOverDifferentVariables = new("PXY0204", Title(DiagnosticIds.KlOverDifferentVariables), Format(DiagnosticIds.KlOverDifferentVariables), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0204"));

    public static readonly DiagnosticDescriptor MonteCarloKl = new("PXY0205", Title(DiagnosticIds.MonteCarloKl), Format(DiagnosticIds.MonteCarloKl), Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0205"));

    public static readonly DiagnosticDescriptor UnusedLossParameter = new("PXY0206", Title(DiagnosticIds.UnusedLossParameter), Format(DiagnosticIds.UnusedLossParameter), Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0206"));

    public static readonly DiagnosticDescriptor NoDensity = new("PXY0207", Title(DiagnosticIds.NoDensity), Format(DiagnosticIds.NoDensity), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0207"));

    public static readonly DiagnosticDescriptor DiscriminatorNotDeterministic = new("PXY0208", Title(DiagnosticIds.DiscriminatorNotDeterministic), Format(DiagnosticIds.DiscriminatorNotDeterministic), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0208"));

    public static readonly DiagnosticDescriptor NotPartial = new("PXY0301", Title(DiagnosticIds.NotPartial), Format(DiagnosticIds.NotPartial), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0301"));

    public static readonly DiagnosticDescriptor NotAFamily = new("PXY0302", Title(DiagnosticIds.NotAFamily), Format(DiagnosticIds.NotAFamily), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0302"));

    public static readonly DiagnosticDescriptor ForwardMismatch = new("PXY0303", Title(DiagnosticIds.ForwardMismatch), Format(DiagnosticIds.ForwardMismatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0303"));
    public static readonly DiagnosticDescriptor ForwardTypes = new("PXY0306", Title(DiagnosticIds.ForwardTypes), Format(DiagnosticIds.ForwardTypes), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0306"));

    public static readonly DiagnosticDescriptor DiscriminatorReadsOtherVariables = new("PXY0209", Title(DiagnosticIds.DiscriminatorReadsOtherVariables), Format(DiagnosticIds.DiscriminatorReadsOtherVariables), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0209"));

    public static readonly DiagnosticDescriptor TermJointMismatch = new("PXY0210", Title(DiagnosticIds.TermJointMismatch), Format(DiagnosticIds.TermJointMismatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0210"));
    public static readonly DiagnosticDescriptor TemperatureOfUnrelaxedFamily = new("PXY0212", Title(DiagnosticIds.TemperatureOfUnrelaxedFamily), Format(DiagnosticIds.TemperatureOfUnrelaxedFamily), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0212"));
    public static readonly DiagnosticDescriptor TemperatureSetTwice = new("PXY0213", Title(DiagnosticIds.TemperatureSetTwice), Format(DiagnosticIds.TemperatureSetTwice), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0213"));
    public static readonly DiagnosticDescriptor ScalarUsedAsVariable = new("PXY0214", Title(DiagnosticIds.ScalarUsedAsVariable), Format(DiagnosticIds.ScalarUsedAsVariable), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0214"));
    public static readonly DiagnosticDescriptor SettingOfWrongType = new("PXY0215", Title(DiagnosticIds.SettingOfWrongType), Format(DiagnosticIds.SettingOfWrongType), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0215"));
    public static readonly DiagnosticDescriptor CannotDraw = new("PXY0211", Title(DiagnosticIds.CannotDraw), Format(DiagnosticIds.CannotDraw), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0211"));
    public static readonly DiagnosticDescriptor LogDensityMismatch = new("PXY0307", Title(DiagnosticIds.LogDensityMismatch), Format(DiagnosticIds.LogDensityMismatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0307"));

    public static readonly DiagnosticDescriptor BadLossSignature = new("PXY0304", Title(DiagnosticIds.BadLossSignature), Format(DiagnosticIds.BadLossSignature), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0304"));

    public static readonly DiagnosticDescriptor UnsupportedTarget = new("PXY0305", Title(DiagnosticIds.UnsupportedTarget), Format(DiagnosticIds.UnsupportedTarget), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0305"));

    public static readonly DiagnosticDescriptor NotAModel = new("PXY0308", Title(DiagnosticIds.NotAModel), Format(DiagnosticIds.NotAModel), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0308"));

    /// <summary>Reported by the generator (a project below the oldest C# it writes gets no generated code); listed here for the IDE's rule set.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = new("PXY0309", Title(DiagnosticIds.LanguageVersionTooOld), Format(DiagnosticIds.LanguageVersionTooOld), Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For("PXY0309"));

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DistributionSyntax, VariableOnBothSides, VariableListedTwice, InvalidName, LossSyntax, ConflictingFactors, RecursiveFactorization, JointDiffersFromFactors, AmbiguousMember, UnusedMember, UnknownDistribution, SignatureMismatch, UnboundVariable, KlOverDifferentVariables, MonteCarloKl, UnusedLossParameter, NoDensity, DiscriminatorNotDeterministic, DiscriminatorReadsOtherVariables, TermJointMismatch, CannotDraw, TemperatureOfUnrelaxedFamily, TemperatureSetTwice, ScalarUsedAsVariable, SettingOfWrongType, NotPartial, NotAFamily, ForwardMismatch, BadLossSignature, UnsupportedTarget, ForwardTypes, LogDensityMismatch, NotAModel, LanguageVersionTooOld);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = All.ToImmutableDictionary(d => d.Id);

    public static Diagnostic Create(DslError error, Location location, ImmutableDictionary<string, string?>? properties = null) =>
        Diagnostic.Create(ById[error.Id], location, properties ?? PropertiesOf(error), error.Args.Cast<object>().ToArray());

    // A signature mismatch carries the declared signature (its second argument) for the rename fix.
    private static ImmutableDictionary<string, string?>? PropertiesOf(DslError error) =>
        error.Id == DiagnosticIds.SignatureMismatch && error.Args.Count > 1
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, error.Args[1])
            : null;

    private static string Title(string id) => DiagnosticCatalog.Get(id).Title;

    private static string Format(string id) => DiagnosticCatalog.Get(id).MessageFormat;
}

/// <summary>Keys of diagnostic properties read by the code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>PXY0303 without Forward: the conditioning variables, comma-separated, in order.</summary>
    public const string Parameters = "Parameters";

    /// <summary>PXY0303 without Forward: the family (Normal, Bernoulli), which names the parameter record.</summary>
    public const string Family = "Family";

    /// <summary>PXY0202: the declared signature to write in place of the mismatched one.</summary>
    public const string Replacement = "Replacement";
}
