using Microsoft.CodeAnalysis;
using PixyzGen.Generator.Bind;
using PixyzGen.Generator.Emit;
using PixyzGen.Generator.Extract;

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
            .ForAttributeWithMetadataName(KnownNames.DistributionAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax, DistributionExtractor.Extract)
            .Where(static d => d is not null)
            .WithTrackingName(TrackingNames.DistributionDeclarations)
            .Select(static (d, _) => DistributionBinder.Bind(d!))
            .Where(static s => s is not null)
            .WithTrackingName(TrackingNames.DistributionSpecs);

        context.RegisterSourceOutput(distributions, static (output, spec) =>
            output.AddSource(DistributionEmitter.HintName(spec!), DistributionEmitter.Emit(spec!)));

        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.ModelAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax, ModelExtractor.Extract)
            .Where(static m => m is not null)
            .WithTrackingName(TrackingNames.ModelDeclarations)
            .Select(static (m, _) => ModelBinder.Bind(m!))
            .Where(static s => s is not null)
            .WithTrackingName(TrackingNames.ModelSpecs);

        context.RegisterSourceOutput(models, static (output, spec) =>
            output.AddSource(ModelEmitter.HintName(spec!), ModelEmitter.Emit(spec!)));
    }
}
