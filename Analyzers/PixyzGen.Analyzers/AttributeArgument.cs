using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PixyzGen.Analyzers;

/// <summary>The DSL string of a PixyzGen attribute, with the syntax it was written in (to place diagnostics inside it).</summary>
internal sealed class AttributeArgument
{
    private AttributeArgument(string text, ExpressionSyntax? expression, Location fallback)
    {
        Text = text;
        Expression = expression;
        Fallback = fallback;
    }

    public string Text { get; }

    /// <summary>The argument expression: a string literal, or a constant from elsewhere.</summary>
    public ExpressionSyntax? Expression { get; }

    /// <summary>Where to report when the exact span cannot be found: the attribute.</summary>
    public Location Fallback { get; }

    /// <summary>The location of a range of the DSL text: inside the literal when it has no escapes, else the whole literal.</summary>
    public Location Locate(PixyzGen.Dsl.Text.TextRange range) => StringLiteralLocator.Locate(Expression, range, Fallback);

    public static AttributeArgument? Find(ISymbol symbol, string attributeName, CancellationToken cancellation)
    {
        var attribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string text) return null;
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        return new AttributeArgument(text, expression, syntax?.GetLocation() ?? symbol.Locations.FirstOrDefault() ?? Location.None);
    }
}
