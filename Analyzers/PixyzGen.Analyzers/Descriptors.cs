using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Analyzers;

/// <summary>
/// The rules this analyzer reports, one field each (release tracking reads the IDs from these constructions);
/// titles and messages come from the Dsl's <see cref="DiagnosticCatalog"/>, shared with the generator.
/// Not checked yet: PXY0104, PXY0105, PXY0205, PXY0303-PXY0305.
/// </summary>
internal static class Descriptors
{
    public const string Category = "PixyzGen";

    public static readonly DiagnosticDescriptor DistributionSyntax = new(DiagnosticIds.DistributionSyntax, Title(DiagnosticIds.DistributionSyntax), Format(DiagnosticIds.DistributionSyntax), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor VariableOnBothSides = new(DiagnosticIds.VariableOnBothSides, Title(DiagnosticIds.VariableOnBothSides), Format(DiagnosticIds.VariableOnBothSides), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor VariableListedTwice = new(DiagnosticIds.VariableListedTwice, Title(DiagnosticIds.VariableListedTwice), Format(DiagnosticIds.VariableListedTwice), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidName = new(DiagnosticIds.InvalidName, Title(DiagnosticIds.InvalidName), Format(DiagnosticIds.InvalidName), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LossSyntax = new(DiagnosticIds.LossSyntax, Title(DiagnosticIds.LossSyntax), Format(DiagnosticIds.LossSyntax), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingFactors = new(DiagnosticIds.ConflictingFactors, Title(DiagnosticIds.ConflictingFactors), Format(DiagnosticIds.ConflictingFactors), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RecursiveFactorization = new(DiagnosticIds.RecursiveFactorization, Title(DiagnosticIds.RecursiveFactorization), Format(DiagnosticIds.RecursiveFactorization), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JointDiffersFromFactors = new(DiagnosticIds.JointDiffersFromFactors, Title(DiagnosticIds.JointDiffersFromFactors), Format(DiagnosticIds.JointDiffersFromFactors), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownDistribution = new(DiagnosticIds.UnknownDistribution, Title(DiagnosticIds.UnknownDistribution), Format(DiagnosticIds.UnknownDistribution), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SignatureMismatch = new(DiagnosticIds.SignatureMismatch, Title(DiagnosticIds.SignatureMismatch), Format(DiagnosticIds.SignatureMismatch), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnboundVariable = new(DiagnosticIds.UnboundVariable, Title(DiagnosticIds.UnboundVariable), Format(DiagnosticIds.UnboundVariable), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KlOverDifferentVariables = new(DiagnosticIds.KlOverDifferentVariables, Title(DiagnosticIds.KlOverDifferentVariables), Format(DiagnosticIds.KlOverDifferentVariables), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnusedLossParameter = new(DiagnosticIds.UnusedLossParameter, Title(DiagnosticIds.UnusedLossParameter), Format(DiagnosticIds.UnusedLossParameter), Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotPartial = new(DiagnosticIds.NotPartial, Title(DiagnosticIds.NotPartial), Format(DiagnosticIds.NotPartial), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotAFamily = new(DiagnosticIds.NotAFamily, Title(DiagnosticIds.NotAFamily), Format(DiagnosticIds.NotAFamily), Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DistributionSyntax, VariableOnBothSides, VariableListedTwice, InvalidName, LossSyntax, ConflictingFactors, RecursiveFactorization, JointDiffersFromFactors, UnknownDistribution, SignatureMismatch, UnboundVariable, KlOverDifferentVariables, UnusedLossParameter, NotPartial, NotAFamily);

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = All.ToImmutableDictionary(d => d.Id);

    public static Diagnostic Create(DslError error, Location location) =>
        Diagnostic.Create(ById[error.Id], location, error.Args.Cast<object>().ToArray());

    private static string Title(string id) => DiagnosticCatalog.Get(id).Title;

    private static string Format(string id) => DiagnosticCatalog.Get(id).MessageFormat;
}
