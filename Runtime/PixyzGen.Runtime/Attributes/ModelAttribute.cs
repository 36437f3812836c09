using System;

namespace PixyzGen;

/// <summary>
/// Declares a partial <see cref="GenerativeModel"/> by its factorization, e.g. <c>[Model("p(x,z) = p(x|z) p(z)")]</c>.
/// Each factor must be the signature of one of the class's distribution properties or fields.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ModelAttribute(string factorization) : Attribute
{
    /// <summary>The factorization text.</summary>
    public string Factorization { get; } = factorization;
}
