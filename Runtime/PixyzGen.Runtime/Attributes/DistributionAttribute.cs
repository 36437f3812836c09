using System;

namespace PixyzGen;

/// <summary>
/// Declares a partial class deriving from a family (<see cref="Normal"/>, <see cref="Bernoulli"/>, ...) as the
/// distribution with this signature, e.g. <c>[Distribution("q(z|x)")]</c>. PixyzGen generates its typed
/// <c>Sample</c>, <c>RSample</c>, <c>LogProb</c> and <c>Mean</c> from the signature.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DistributionAttribute(string signature) : Attribute
{
    /// <summary>The signature text, e.g. q(z|x).</summary>
    public string Signature { get; } = signature;
}
