using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Generator.Bind;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator;

/// <summary>
/// The pipeline, and only the pipeline: attribute -> Extract (symbols to strings) -> Bind (parse, check, plan) -> Emit.
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

        var modelSpecs = models.Collect().Combine(lossOwners.Collect())
            .SelectMany(static (pair, _) => pair.Left.Distinct().Concat(ModelExtractor.GroupLossOwners(pair.Right!)))
            .Select(static (m, _) => ModelBinder.Bind(m!))
            .Where(static s => s is not null)
            .WithTrackingName(TrackingNames.ModelSpecs);

        // One output per type, and hint names unique without regard to case (Roslyn compares them so): Prior and prior
        // in one namespace, or an attribute repeated on two parts of a type, must not collide.
        var outputs = distributions.Collect().Combine(modelSpecs.Collect());
        context.RegisterSourceOutput(outputs, static (output, all) =>
        {
            var files = all.Left.GroupBy(d => d!.Type).Select(g => g.First()).Select(d => (Stem: DistributionEmitter.HintStem(d!), Emit: (System.Func<string>)(() => DistributionEmitter.Emit(d!))))
                .Concat(all.Right.GroupBy(m => (m!.Type, m.IsModel)).Select(g => g.First()).Select(m => (Stem: ModelEmitter.HintStem(m!), Emit: (System.Func<string>)(() => ModelEmitter.Emit(m!)))));
            foreach (var (hint, emit) in HintNames.Assign(files))
                output.AddSource(hint, emit());
        });
    }
}
