using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>A distribution-typed property or field of a model, with what its type's <c>[Distribution]</c> declares.</summary>
internal sealed record ModelMember(string Name, string SignatureText, string? Family, bool HasForward, EquatableArray<string> ForwardParameters);

/// <summary>A parameter of a <c>[Loss]</c> method: its name and fully qualified type.</summary>
internal sealed record MethodParameter(string Name, string Type);

/// <summary>A <c>[Loss]</c> method as declared: the generated implementation must repeat its accessibility and parameters.</summary>
internal sealed record LossMethod(string Name, string Formula, string Accessibility, string ReturnType, EquatableArray<MethodParameter> Parameters, bool IsPartialDefinition, bool IsStatic, bool IsGeneric);

/// <summary>A <c>[Model]</c> class as strings. Immutable and structurally equal.</summary>
internal sealed record ModelDeclaration(TypeIdentity Type, string FactorizationText, EquatableArray<ModelMember> Members, EquatableArray<LossMethod> Losses);
