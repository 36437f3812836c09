using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl;
using PixyzGen.Generator.Bind;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;
using PixyzGen.Generator.Plan;

namespace PixyzGen.Generator;

/// <summary>
/// The pipeline, and only the pipeline: attribute -> Extract (symbols to strings) -> Bind (parse, check) -> Plan (the
/// members to write, then which hide inherited ones) -> Emit.
/// Every step's output is a value-equal record, so unrelated edits leave every step Cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PixyzGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var distributions = context.SyntaxProvider
            .ForAttributeWithMetadataName(SymbolFacts.DistributionAttribute, static (node, _) => node is TypeDeclarationSyntax, DistributionExtractor.Extract)
            .Where(static d => d is not null)
            .WithTrackingName(TrackingNames.DistributionDeclarations)
            .Select(static (d, _) => DistributionBinder.Bind(d!))
            .Where(static s => s is not null)
            .WithTrackingName(TrackingNames.DistributionSpecs);

        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(SymbolFacts.ModelAttribute, static (node, _) => node is TypeDeclarationSyntax, ModelExtractor.Extract)
            .Where(static m => m is not null)
            .WithTrackingName(TrackingNames.ModelDeclarations);

        // [Loss] methods of types without [Model] still need implementations (throwing PXY0304), or the build stops at CS8795.
        var lossOwners = context.SyntaxProvider
            .ForAttributeWithMetadataName(SymbolFacts.LossAttribute, static (node, _) => node is MethodDeclarationSyntax, ModelExtractor.ExtractLossOwner)
            .Where(static m => m is not null)
            .WithTrackingName(TrackingNames.LossOwnerDeclarations);

        var modelDeclarations = models.Collect().Combine(lossOwners.Collect())
            .SelectMany(static (pair, _) => pair.Left.Distinct().Concat(ModelExtractor.GroupLossOwners(pair.Right!)));
        var modelSpecs = modelDeclarations
            .Select(static (m, _) => ModelBinder.Bind(m!))
            .Where(static s => s is not null)
            .WithTrackingName(TrackingNames.ModelSpecs);

        // The project's C# version and extern aliases: generated text is written for them.
        var language = context.ParseOptionsProvider.Select(static (o, _) => LanguageFactsReader.Version(o))
            .Combine(context.CompilationProvider.Select(static (c, _) => LanguageFactsReader.Aliases(c)))
            .Select(static (pair, _) => new LanguageFacts(pair.Left, pair.Right.Runtime, pair.Right.TorchSharp))
            .WithTrackingName(TrackingNames.Language);

        // What stops a build before the analyzers run is reported here: types whose members PixyzGen cannot write, and a
        // C# version below what it writes (then nothing is generated, and one diagnostic says why).
        // Distinct: models nested in one class that is not partial share its PXY0301, said once.
        var targetErrors = modelDeclarations.Select(static (m, _) => m!.TargetErrors).Collect()
            .Select(static (all, _) => all.SelectMany(static e => e).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.TargetErrors);
        context.RegisterSourceOutput(targetErrors, static (output, errors) =>
        {
            foreach (var error in errors) output.ReportDiagnostic(GeneratorDiagnostics.Create(error));
        });
        var anyTarget = distributions.Collect().Select(static (d, _) => d.Length > 0).Combine(modelDeclarations.Collect().Select(static (m, _) => m.Length > 0))
            .Select(static (pair, _) => pair.Left || pair.Right);
        context.RegisterSourceOutput(language.Combine(anyTarget), static (output, pair) =>
        {
            if (pair.Right && !pair.Left.IsSupported) output.ReportDiagnostic(GeneratorDiagnostics.LanguageVersionTooOld(pair.Left.Version));
        });

        // One plan per type (an attribute repeated on two parts of a type yields two equal items): its members planned
        // once, from which the keys a derived type inherits are read after Bind, so no stage runs another's work again.
        var distributionPlans = distributions.Collect()
            .SelectMany(static (all, _) => all.GroupBy(d => d!.Type).Select(g => g.First()!))
            .Select(static (spec, _) => DistributionPlanner.Plan(spec))
            .WithTrackingName(TrackingNames.DistributionPlans);
        var modelPlans = modelSpecs.Collect()
            .SelectMany(static (all, _) => all.GroupBy(m => (m!.Type, m.IsModel)).Select(g => g.First()!))
            .Combine(language)
            .Select(static (pair, _) => ModelPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ModelPlans);
        var plans = distributionPlans.Collect().Combine(modelPlans.Collect())
            .SelectMany(static (pair, _) => pair.Left.Concat(pair.Right));

        // What each plan writes, by type: a base generated here shows its derived types none of it through symbols.
        var generatedMembers = plans.Collect().Select(static (all, _) => GeneratedMemberTable.Of(all))
            .WithTrackingName(TrackingNames.GeneratedMembers);
        var resolved = plans.Combine(generatedMembers)
            .Select(static (pair, _) => InheritedMembers.Resolve(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ResolvedPlans);

        // Hint names unique without regard to case (Roslyn compares them so: Prior and prior in one namespace must not collide).
        var hints = plans.Select(static (p, _) => p.Output).Collect().Select(static (all, _) => HintNames.Table(all));
        context.RegisterSourceOutput(resolved.Combine(hints).Combine(language), static (output, pair) =>
        {
            if (!pair.Right.IsSupported) return;
            var (plan, table) = pair.Left;
            output.AddSource(HintNames.Lookup(table, plan.Output.Key), PlanWriter.Write(plan, pair.Right));
        });
    }
}
