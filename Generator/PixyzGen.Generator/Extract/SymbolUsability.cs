using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// Whether generated code inside a type can use a symbol, asked of Roslyn once for every symbol the generated code reads,
/// calls or hides, and which diagnostics touching it would repeat. Compiled into the generator and (linked) into the
/// analyzers, so both hosts count the same members.
/// </summary>
internal static class SymbolUsability
{
    /// <summary>
    /// Generated code in <paramref name="within"/> can name <paramref name="symbol"/>: it is accessible there (private
    /// protected and internal members of another assembly are not).
    /// </summary>
    public static bool IsAccessible(ISymbol symbol, INamedTypeSymbol within, Compilation compilation) => compilation.IsSymbolAccessibleWithin(symbol, within);

    /// <summary>
    /// Generated code in <paramref name="within"/> can read the field or property's value: accessible, with an accessible
    /// getter for a property, and neither obsolete as an error.
    /// </summary>
    public static bool CanRead(ISymbol member, INamedTypeSymbol within, Compilation compilation) => member switch
    {
        IPropertySymbol property => property.GetMethod is { } getter && IsAccessible(property, within, compilation) && IsAccessible(getter, within, compilation)
            && !IsObsoleteError(property) && !IsObsoleteError(getter),
        _ => IsAccessible(member, within, compilation) && !IsObsoleteError(member),
    };

    /// <summary>Generated code in <paramref name="within"/> can call the method: accessible and not obsolete as an error.</summary>
    public static bool CanCall(IMethodSymbol method, INamedTypeSymbol within, Compilation compilation) =>
        IsAccessible(method, within, compilation) && !IsObsoleteError(method);

    /// <summary>
    /// The warnings a use of the symbol reports that its author chose to accept by declaring it so: CS0612 or CS0618 for
    /// <c>[Obsolete]</c>, the diagnostic ID of <c>[Experimental]</c>; a property's getter counts with the property.
    /// Generated code suppresses exactly these, so it does not report again what the user's own code was allowed.
    /// </summary>
    public static IEnumerable<string> AcceptedDiagnostics(ISymbol symbol)
    {
        var symbols = symbol is IPropertySymbol { GetMethod: { } getter } ? new[] { symbol, getter } : new[] { symbol };
        foreach (var attribute in symbols.SelectMany(s => s.GetAttributes()))
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case "System.ObsoleteAttribute" when !IsError(attribute):
                    yield return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string ? "CS0618" : "CS0612";
                    break;
                case "System.Diagnostics.CodeAnalysis.ExperimentalAttribute" when attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string id && IsDiagnosticId(id):
                    yield return id;
                    break;
            }
        }
    }

    private static bool IsObsoleteError(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute" && IsError(a));

    private static bool IsError(AttributeData obsolete) => obsolete.ConstructorArguments.Length > 1 && obsolete.ConstructorArguments[1].Value is true;

    // A #pragma takes an identifier-like ID; anything else could not be suppressed (or written) safely.
    private static bool IsDiagnosticId(string id) => id.Length > 0 && id.All(c => char.IsLetterOrDigit(c) || c == '_');
}
