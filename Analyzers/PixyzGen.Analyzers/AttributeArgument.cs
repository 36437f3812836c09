using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Generator.Extract;

namespace PixyzGen.Analyzers;

/// <summary>
/// The DSL string of a PixyzGen attribute, with the syntax it was written in (to place diagnostics inside it).
/// <see cref="Text"/> is null when the argument is null; the Dsl reports that as a syntax error.
/// </summary>
internal sealed class AttributeArgument
{
    private readonly StringLiteralLocator locator;

    private AttributeArgument(string? text, ExpressionSyntax? expression, Location fallback)
    {
        Text = text;
        locator = new StringLiteralLocator(expression, fallback);
    }

    public string? Text { get; }

    /// <summary>The location of a range of the DSL text: inside the literal when it has no escapes, else the whole literal.</summary>
    public Location Locate(PixyzGen.Dsl.Text.TextRange range) => locator.Locate(range);

    public static AttributeArgument? Find(ISymbol symbol, string attributeName, CancellationToken cancellation)
    {
        var attribute = SymbolFacts.Attribute(symbol, attributeName);
        if (attribute is null || attribute.ConstructorArguments.Length != 1) return null;
        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind == TypedConstantKind.Error || (!argument.IsNull && argument.Value is not string)) return null;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        return new AttributeArgument(argument.Value as string, expression, syntax?.GetLocation() ?? symbol.Locations.FirstOrDefault() ?? Location.None);
    }
}
