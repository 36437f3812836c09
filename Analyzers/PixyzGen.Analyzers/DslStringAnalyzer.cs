using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Analyzers;

/// <summary>
/// Checks every [Distribution], [Model] and [Loss] string with the Dsl's parser and checkers (the generator's own)
/// and reports each error at its span inside the string literal; also the C# shape rules PXY0301 and PXY0302.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DslStringAnalyzer : DiagnosticAnalyzer
{
    private const string DistributionAttribute = "PixyzGen.DistributionAttribute";
    private const string ModelAttribute = "PixyzGen.ModelAttribute";
    private const string LossAttribute = "PixyzGen.LossAttribute";
    private static readonly string[] Families = { "Normal", "Bernoulli" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name != DistributionAttribute && name != ModelAttribute) continue;
            var (text, expression, fallback) = Argument(attribute, context);
            if (text is null) continue;

            if (!IsPartial(type))
                context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.NotPartial, default, type.Name), type.Locations[0]));

            if (name == DistributionAttribute)
            {
                if (FamilyOf(type) is null)
                    context.ReportDiagnostic(Descriptors.Create(DslError.Create(DiagnosticIds.NotAFamily, default, type.Name), type.Locations[0]));
                var parsed = DslParser.ParseDistribution(text);
                var errors = parsed.Errors.Concat(parsed.Value is { } d ? SignatureChecker.Check(d) : Enumerable.Empty<DslError>());
                Report(context, errors, expression, fallback);
            }
            else
            {
                var parsed = DslParser.ParseFactorization(text);
                var errors = new List<DslError>(parsed.Errors);
                if (parsed.Value is { } factorization)
                {
                    errors.AddRange(FactorizationChecker.Check(factorization).Errors);
                    var members = Members(type);
                    foreach (var factor in factorization.Factors)
                    {
                        MemberResolver.Resolve(factor, members, out var error);
                        if (error is not null) errors.Add(error);
                    }
                }
                Report(context, errors, expression, fallback);
            }
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is null) return;
        var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LossAttribute);
        if (attribute is null) return;
        var (text, expression, fallback) = Argument(attribute, context);
        if (text is null) return;
        var parsed = DslParser.ParseLoss(text);
        var errors = new List<DslError>(parsed.Errors);
        if (parsed.Value is { } loss)
            errors.AddRange(LossChecker.Check(loss, Members(method.ContainingType), method.Parameters.Select(p => p.Name).ToList(), method.Name));
        Report(context, errors, expression, fallback);
    }

    private static void Report(SymbolAnalysisContext context, IEnumerable<DslError> errors, ExpressionSyntax? expression, Location fallback)
    {
        foreach (var error in errors)
            context.ReportDiagnostic(Descriptors.Create(error, StringLiteralLocator.Locate(expression, error.Range, fallback)));
    }

    private static (string? Text, ExpressionSyntax? Expression, Location Fallback) Argument(AttributeData attribute, SymbolAnalysisContext context)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string text) return (null, null, Location.None);
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        return (text, expression, syntax?.GetLocation() ?? Location.None);
    }

    private static IReadOnlyList<MemberSignature> Members(INamedTypeSymbol type)
    {
        var members = new List<MemberSignature>();
        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IPropertySymbol { IsStatic: false } p => p.Type,
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } f => f.Type,
                _ => null,
            };
            var signature = memberType?.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DistributionAttribute)?.ConstructorArguments.FirstOrDefault().Value as string;
            if (signature is not null && DslParser.ParseDistribution(signature).Value is { } parsed) members.Add(new MemberSignature(member.Name, parsed));
        }
        return members;
    }

    private static string? FamilyOf(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.ContainingNamespace?.ToDisplayString() == "PixyzGen" && Families.Contains(current.Name)) return current.Name;
        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
}
