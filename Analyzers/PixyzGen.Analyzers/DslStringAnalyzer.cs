using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Analyzers.Rules;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers;

/// <summary>
/// Checks every [Distribution], [Model] and [Loss] with the Dsl's parser and checkers (the generator's own) and
/// reports each error at its span inside the string literal, and the C# shape rules (03xx) at the member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DslStringAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        PartialRule.Check(context, type);
        // Losses are analyzed from their type: a partial method whose body the generator writes counts as generated
        // code to a method-level action, which would then never run.
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeArgument.Find(method, SymbolFacts.LossAttribute, context.CancellationToken) is { } loss) LossRules.Check(context, method, loss);
        }

        var distribution = AttributeArgument.Find(type, SymbolFacts.DistributionAttribute, context.CancellationToken);
        var model = AttributeArgument.Find(type, SymbolFacts.ModelAttribute, context.CancellationToken);
        if (distribution is null && model is null) return;

        TypeRules.Check(context, type, distribution, model);
        if (distribution is not null) DistributionRules.Check(context, type, distribution);
        if (model is not null) ModelRules.Check(context, type, model);
    }
}
