using System;

namespace PixyzGen;

/// <summary>
/// Marks a <c>partial Tensor M(Tensor x, ...)</c> method of a model whose body PixyzGen generates from the formula,
/// e.g. <c>[Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]</c>. Parameters are the observed variables.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LossAttribute(string formula) : Attribute
{
    /// <summary>The loss formula.</summary>
    public string Formula { get; } = formula;
}
