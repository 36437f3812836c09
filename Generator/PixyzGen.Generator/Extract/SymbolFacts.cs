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

    /// <summary>The Runtime's assembly: its types are known by it, not by a namespace a user may also declare.</summary>
    public const string RuntimeAssembly = "PixyzGen.Runtime";

    public const string GenerativeModel = "GenerativeModel";
    public const string DistributionAttribute = "PixyzGen.DistributionAttribute";
    public const string ModelAttribute = "PixyzGen.ModelAttribute";
    public const string LossAttribute = "PixyzGen.LossAttribute";
    public const string ProductOfExperts = "NormalPoE";

    /// <summary>Fully qualified, keywords escaped, nullable reference annotations kept (<c>Tensor?</c>).</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// Every declaration of the type carries <c>partial</c>; the Program class of top-level statements counts as partial
    /// (C# lets a <c>partial class Program</c> add to it).
    /// </summary>
    public static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword) || r.GetSyntax() is CompilationUnitSyntax);

    /// <summary>The type or a containing type is generic.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.TypeParameters.Length > 0) return true;
        return false;
    }

    /// <summary>Why PXY0305 refuses a file-local type, in the words both hosts report.</summary>
    public const string FileLocalProblem = "a file-local type (or a type nested in one) cannot get generated members from another file";

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
    /// like its type), or declares a member of its own under its name (a method of another signature would take the
    /// generated code's calls, or leave them without the member they need).
    /// </summary>
    public static string? RequiredMemberConflict(INamedTypeSymbol type)
    {
        var required = Family(type) == GeneratedFamilies.CustomDensity ? RequiredCustomDensityMembers : RequiredDistributionMembers;
        foreach (var name in required)
        {
            if (type.Name == name) return $"it is named {name}, and PixyzGen generates a member {name} in it";
            if (type.GetMembers(name).Any(m => m is not IMethodSymbol)) return $"it declares a non-method '{name}', and PixyzGen generates a method {name} in it";
            if (type.GetMembers(name).OfType<IMethodSymbol>().Any(m => !m.IsImplicitlyDeclared && !m.IsOverride && !IsGeneratedByPixyzGen(m) && !m.IsPartialDefinition))
                return $"it declares its own method '{name}', and PixyzGen generates {name} and calls it from generated code";
        }
        return null;
    }

    /// <summary>The Runtime members PixyzGen overrides in a [Distribution] or [Model] type (never all of them in one type).</summary>
    public static readonly string[] GeneratedOverrides =
        { "DeclaredSignature", "ParamsFor", "LogDensityFor", "Forward", "FactorizationText", "DistributionMembers", "BuildJoint" };

    /// <summary>
    /// The <see cref="GeneratedOverrides"/> a user base class of the type makes impossible to override: the nearest
    /// inherited member of that name is sealed, or hides the Runtime's with one that is not virtual (a <c>new</c>
    /// member, a field). C# forbids the override (CS0239, CS0506, CS0505), so the generator leaves it out and the
    /// analyzer reports PXY0305. Forward counts only as the Runtime's <c>Forward(Variables)</c>, not a user's Forward
    /// of Tensors.
    /// </summary>
    public static IReadOnlyList<string> UnoverridableMembers(INamedTypeSymbol type)
    {
        var found = new List<string>();
        foreach (var name in GeneratedOverrides)
        {
            for (var current = type.BaseType; current is not null && !IsRuntime(current); current = current.BaseType)
            {
                var nearest = current.GetMembers(name).FirstOrDefault(m => !m.IsImplicitlyDeclared && (name != GeneratedFamilies.ForwardMethod || TakesVariables(m)));
                if (nearest is null) continue;
                if (nearest.IsSealed || !(nearest.IsVirtual || nearest.IsAbstract || nearest.IsOverride)) found.Add(name);
                break;
            }
        }
        return found;
    }

    private static bool TakesVariables(ISymbol member) =>
        member is IMethodSymbol { Parameters.Length: 1 } method && method.Parameters[0].Type.Name == "Variables" && IsRuntime(method.Parameters[0].Type);

    /// <summary>Why PXY0305 refuses a type whose base seals or hides what PixyzGen overrides, or null.</summary>
    public static string? UnoverridableProblem(INamedTypeSymbol type) =>
        UnoverridableMembers(type) is { Count: > 0 } names ? $"a base class seals or hides {string.Join(", ", names)}, which PixyzGen overrides" : null;

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
    /// The instance methods of the user's the generated code may call (<see cref="FamilyFacts.UserMethod"/>: <c>Forward</c>,
    /// or a custom density's <c>LogDensity</c>), every overload, most derived first: declared by the type, or inherited
    /// from a user base type where the type can call it (accessible from it, not obsolete as an error); the Runtime's own
    /// <c>Forward(Variables)</c> does not count. <see cref="ForwardRule"/> chooses among them.
    /// </summary>
    public static IReadOnlyList<IMethodSymbol> Forwards(INamedTypeSymbol type, Compilation compilation)
    {
        var name = GeneratedFamilies.Find(Family(type))?.UserMethod ?? GeneratedFamilies.ForwardMethod;
        var found = new List<IMethodSymbol>();
        for (var current = type; current is not null && !IsRuntime(current); current = current.BaseType)
            found.AddRange(current.GetMembers(name).OfType<IMethodSymbol>()
                .Where(m => !m.IsStatic && !m.IsOverride && m.MethodKind == MethodKind.Ordinary && SymbolUsability.CanCall(m, type, compilation)));
        return found;
    }

    /// <summary>
    /// Which of the type's <see cref="Forwards"/> the generated call binds to, by the compiler (<see cref="ForwardCallProbe"/>):
    /// the call passes a Tensor per conditioning variable (after the value, for a custom density's LogDensity).
    /// </summary>
    public static ForwardCall? ForwardCall(INamedTypeSymbol type, Compilation compilation, int conditions)
    {
        var family = GeneratedFamilies.Find(Family(type));
        if (family is not { UserMethod: { } method }) return null;   // a flow or a mixture calls nothing of the user's
        var arguments = family.IsCustomDensity ? conditions + 1 : conditions;
        return ForwardCallProbe.Bind(type, Forwards(type, compilation), method, arguments, compilation);
    }

    /// <summary>The keyword a partial declaration of the type repeats: class, struct, record, record struct or interface.</summary>
    public static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    /// <summary>
    /// The shapes of the type's <see cref="Forwards"/> for <see cref="ForwardRule"/>, in the same order (empty without
    /// one): whether a Tensor converts to each parameter (by value or <c>in</c>; a <c>params</c> array of such) and whether
    /// the return type converts to the family's parameter record, by the compiler's own conversion rules (taken to fit
    /// where the compilation lacks TorchSharp or the record, which other errors then report).
    /// </summary>
    public static EquatableArray<ForwardShape> ForwardShapes(INamedTypeSymbol type, Compilation compilation) =>
        Forwards(type, compilation).Select(f => ShapeOf(type, f, compilation)).ToEquatableArray();

    private static ForwardShape ShapeOf(INamedTypeSymbol type, IMethodSymbol forward, Compilation compilation)
    {
        var tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        var family = GeneratedFamilies.Find(Family(type));
        var record = family is null ? null : family.IsDeterministic || family.IsCustomDensity ? tensor : family.ParamsRecord is { } name ? compilation.GetTypeByMetadataName(RuntimeNamespace + "." + name) : null;
        bool Converts(ITypeSymbol from, ITypeSymbol to) => compilation.ClassifyCommonConversion(from, to).IsImplicit;
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
    public static IEnumerable<(ISymbol Member, ITypeSymbol Type)> MemberCandidates(INamedTypeSymbol model, Compilation compilation)
    {
        var seen = new HashSet<string>();
        for (var current = model; current is not null && !IsRuntime(current) && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!seen.Add(member.Name)) continue;
                if (!SymbolUsability.CanRead(member, model, compilation)) continue;
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

    /// <summary>
    /// The [Model] type derives from the Runtime's GenerativeModel, whose abstract members the generator writes.
    /// </summary>
    public static bool DerivesFromGenerativeModel(ITypeSymbol type) => DerivesFrom(type, GenerativeModel);

    /// <summary>GenerativeModel's abstract members the generator writes when the type (or a user base) does not.</summary>
    public static readonly string[] GenerativeModelAbstractMembers = { "FactorizationText", "DistributionMembers" };

    /// <summary>The abstract members of GenerativeModel that neither the type nor a user base type between implements.</summary>
    public static IEnumerable<string> UnimplementedModelMembers(INamedTypeSymbol type)
    {
        if (!DerivesFromGenerativeModel(type)) return Enumerable.Empty<string>();
        var implemented = new HashSet<string>();
        for (var current = type; current is not null && !IsRuntime(current); current = current.BaseType)
            foreach (var name in GenerativeModelAbstractMembers)
                if (current.GetMembers(name).Any(m => m.IsOverride)) implemented.Add(name);
        return GenerativeModelAbstractMembers.Where(n => !implemented.Contains(n));
    }

    /// <summary>
    /// A type whose members the generator must write for it to compile at all (a GenerativeModel with abstract members
    /// left to PixyzGen) but cannot (not partial all the way out, or file-local): csc stops at the missing members before
    /// any analyzer runs, so the generator itself reports why (PXY0301, PXY0305), and the analyzer leaves those to it.
    /// </summary>
    public static bool GeneratorReportsTarget(INamedTypeSymbol type) =>
        (Attribute(type, ModelAttribute) is not null || type.GetMembers().Any(m => m is IMethodSymbol && Attribute(m, LossAttribute) is not null))
        && UnimplementedModelMembers(type).Any() && (!IsPartialAllTheWay(type) || IsFileLocal(type));

    /// <summary>The type and every type containing it are partial.</summary>
    public static bool IsPartialAllTheWay(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (!IsPartial(current)) return false;
        return true;
    }

    /// <summary>A type of the Runtime's own assembly (identity, not a namespace name a user's type may share).</summary>
    private static bool IsRuntime(ITypeSymbol type) => type.ContainingAssembly?.Name == RuntimeAssembly && type.ContainingNamespace?.ToDisplayString() == RuntimeNamespace;
}
