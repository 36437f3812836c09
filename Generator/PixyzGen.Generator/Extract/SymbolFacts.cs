using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// The C# facts both hosts read from symbols, written once: this file is compiled into the generator and (linked) into
/// the analyzers, so "which members count", "is partial", the family and a [Loss] method's shape never diverge.
/// The decisions on those facts live in PixyzGen.Dsl.
/// </summary>
internal static class SymbolFacts
{
    public const string RuntimeNamespace = "PixyzGen";
    public const string DistributionAttribute = "PixyzGen.DistributionAttribute";
    public const string ModelAttribute = "PixyzGen.ModelAttribute";
    public const string LossAttribute = "PixyzGen.LossAttribute";
    public const string ProductOfExperts = "NormalPoE";

    /// <summary>Fully qualified, keywords escaped, nullable reference annotations kept (<c>Tensor?</c>).</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Every declaration of the type carries <c>partial</c>.</summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The type or a containing type is generic.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.TypeParameters.Length > 0) return true;
        return false;
    }

    /// <summary>The type or a containing type is <c>file</c>-local: no other file, a generated one included, can add to it.</summary>
    public static bool IsFileLocal(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.IsFileLocal) return true;
        return false;
    }

    /// <summary>
    /// The members of a [Distribution] class that generated code elsewhere calls (a model's sampling, log-density and
    /// loss bodies): the type must be able to carry them.
    /// </summary>
    public static readonly string[] RequiredDistributionMembers = { "Params", "Sample", "LogProb" };

    /// <summary>A custom density's: it has no Sample, and the dynamic API reaches LogDensity through the generated LogDensityFor.</summary>
    public static readonly string[] RequiredCustomDensityMembers = { "Params", "LogProb", "LogDensityFor" };

    /// <summary>
    /// A required generated member the type cannot carry, or null: the type is named like it (C# forbids a member named
    /// like its type), or declares something other than a method under its name.
    /// </summary>
    public static string? RequiredMemberConflict(INamedTypeSymbol type)
    {
        var required = Family(type) == GeneratedFamilies.CustomDensity ? RequiredCustomDensityMembers : RequiredDistributionMembers;
        foreach (var name in required)
        {
            if (type.Name == name) return $"it is named {name}, and PixyzGen generates a member {name} in it";
            if (type.GetMembers(name).Any(m => m is not IMethodSymbol)) return $"it declares a non-method '{name}', and PixyzGen generates a method {name} in it";
        }
        return null;
    }

    /// <summary>The type comes from a referenced assembly, not from this compilation's source.</summary>
    public static bool InMetadata(ITypeSymbol type) => type.Locations.Length > 0 && type.Locations.All(l => l.IsInMetadata);

    /// <summary>
    /// A [Distribution] type of a referenced assembly that its own build generated (its <c>Params</c> carries
    /// PixyzGen's GeneratedCode attribute) and that has every member a model's generated code calls: a model in this
    /// compilation can use it as it uses one declared here. Without them (a library built without PixyzGen) it is no
    /// distribution member.
    /// </summary>
    public static bool HasGeneratedMembers(INamedTypeSymbol type)
    {
        var required = Family(type) == GeneratedFamilies.CustomDensity ? RequiredCustomDensityMembers : RequiredDistributionMembers;
        return type.GetMembers("Params").Any(IsGeneratedByPixyzGen) && required.All(name => type.GetMembers(name).Any(m => m is IMethodSymbol));
    }

    private static bool IsGeneratedByPixyzGen(ISymbol member) => member.GetAttributes().Any(a =>
        a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute" &&
        a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == "PixyzGen");

    /// <summary>The Runtime family the type derives from (Normal, Bernoulli, ...), or null.</summary>
    public static string? Family(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (IsRuntime(current) && GeneratedFamilies.Contains(current.Name)) return current.Name;
        return null;
    }

    /// <summary>Whether the type derives from the Runtime class of this name.</summary>
    public static bool DerivesFrom(ITypeSymbol type, string runtimeClass)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.Name == runtimeClass && IsRuntime(current)) return true;
        return false;
    }

    /// <summary>
    /// The instance method of the user's the generated code calls (<see cref="FamilyFacts.UserMethod"/>: <c>Forward</c>,
    /// or a custom density's <c>LogDensity</c>): declared by the type, or inherited from a user base type where it is not
    /// private; the Runtime's own <c>Forward(Variables)</c> does not count.
    /// </summary>
    public static IMethodSymbol? Forward(INamedTypeSymbol type)
    {
        var name = GeneratedFamilies.Find(Family(type))?.UserMethod ?? GeneratedFamilies.ForwardMethod;
        for (var current = type; current is not null && !IsRuntime(current); current = current.BaseType)
        {
            var forward = current.GetMembers(name).OfType<IMethodSymbol>()
                .FirstOrDefault(m => !m.IsStatic && !m.IsOverride && (ReferenceEquals(current, type) || m.DeclaredAccessibility != Accessibility.Private));
            if (forward is not null) return forward;
        }
        return null;
    }

    /// <summary>
    /// The shape of the type's <see cref="Forward"/> for <see cref="ForwardRule"/>, or null without one: whether a Tensor
    /// converts to each parameter (by value or <c>in</c>; a <c>params</c> array of such) and whether the return type
    /// converts to the family's parameter record, by the compiler's own conversion rules (without a compilation, both
    /// are taken to fit).
    /// </summary>
    public static ForwardShape? ForwardShape(INamedTypeSymbol type, Compilation? compilation)
    {
        if (Forward(type) is not { } forward) return null;
        var tensor = compilation?.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        var family = GeneratedFamilies.Find(Family(type));
        var record = family is null ? null : family.IsDeterministic || family.IsCustomDensity ? tensor : family.ParamsRecord is { } name ? compilation?.GetTypeByMetadataName(RuntimeNamespace + "." + name) : null;
        bool Converts(ITypeSymbol from, ITypeSymbol to) => compilation!.ClassifyCommonConversion(from, to).IsImplicit;
        bool TakesTensor(IParameterSymbol p) => tensor is null || p.RefKind is RefKind.None or RefKind.In &&
            (Converts(tensor, p.Type) || p.IsParams && p.Type is IArrayTypeSymbol array && Converts(tensor, array.ElementType));
        var parameters = forward.Parameters.Select(p => new ForwardParameterShape(p.Name, p.Type.ToDisplayString(TypeFormat), Modifier(p), TakesTensor(p)));
        var returnFits = record is null || !forward.ReturnsVoid && Converts(forward.ReturnType, record);
        return new ForwardShape(parameters.ToEquatableArray(), forward.IsGenericMethod, forward.ReturnType.ToDisplayString(TypeFormat), returnFits);
    }

    /// <summary>The DSL string of a PixyzGen attribute on the symbol: null when absent, "" never invented.</summary>
    public static AttributeData? Attribute(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attributeName);

    /// <summary>The attribute's string argument; null when it is null or not a constant string.</summary>
    public static string? ArgumentText(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>
    /// The candidates for a model's distribution members, the one rule both hosts use: instance fields and properties
    /// that code can name (no indexers, explicit interface implementations or compiler-made fields), declared by the
    /// type or inherited from a user base type (not hidden, not private there), most derived first.
    /// </summary>
    public static IEnumerable<(ISymbol Member, ITypeSymbol Type)> MemberCandidates(INamedTypeSymbol model)
    {
        var seen = new HashSet<string>();
        for (var current = model; current is not null && !IsRuntime(current) && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!seen.Add(member.Name)) continue;
                if (!ReferenceEquals(current, model) && member.DeclaredAccessibility == Accessibility.Private) continue;
                var type = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, ExplicitInterfaceImplementations.Length: 0 } p when p.CanBeReferencedByName => p.Type,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } f when f.CanBeReferencedByName => f.Type,
                    _ => null,
                };
                if (type is not null) yield return (member, type);
            }
        }
    }

    /// <summary>A [Loss] method's shape, for <see cref="LossShapeRules"/>.</summary>
    public static LossMethodShape LossShape(IMethodSymbol method) => new(
        method.Name,
        method.IsPartialDefinition,
        method.IsStatic,
        method.IsGenericMethod,
        method.ReturnType.ToDisplayString(TypeFormat),
        method.ReturnsByRef || method.ReturnsByRefReadonly,
        method.Parameters.Select(p => new LossParameterShape(p.Name, p.Type.ToDisplayString(TypeFormat), Modifier(p))).ToEquatableArray(),
        Attribute(method.ContainingType, ModelAttribute) is not null);

    /// <summary>The parameter's passing modifier as written: <c>ref</c>, <c>in</c>, <c>out</c>, <c>ref readonly</c>, <c>params</c> or empty.</summary>
    public static string Modifier(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => parameter.IsParams ? "params" : "",
    };

    private static bool IsRuntime(ITypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == RuntimeNamespace;
}
