using System.Collections.Generic;
using System.Linq;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The parameters of a generated distribution's typed <c>Sample</c>/<c>RSample</c>, written once for their declaration
/// and their key: the conditioning tensors (or, without any, a batch size) and then
/// <c>params long[] sampleShape</c>, Pixyz's <c>sample_shape</c>: leading dimensions before the batch.
/// </summary>
internal static class DrawParameters
{
    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The parameter types as <see cref="Extract.MemberKeys"/> spells them.</summary>
    public static string[] Types(int conditions) =>
        (conditions == 0 ? new[] { "long" } : Enumerable.Repeat(Tensor, conditions)).Append("long[]").ToArray();

    /// <summary>The sample-shape parameter's name: <c>sampleShape</c>, unless a conditioning variable has it.</summary>
    public static string ShapeName(IEnumerable<string> conditions) => new NameAllocator(conditions).Unique("sampleShape");

    /// <summary>The parameter list: <c>Tensor x, params long[] sampleShape</c> or <c>long batchSize = 1, params long[] sampleShape</c>.</summary>
    public static string List(IReadOnlyList<string> escapedConditions, string shapeName) =>
        (escapedConditions.Count == 0 ? "long batchSize = 1" : string.Join(", ", escapedConditions.Select(c => $"{Tensor} {c}"))) + $", params long[] {shapeName}";

    /// <summary>
    /// The leading dimensions to draw: the sample shape, then (without conditioning variables) the batch size, in
    /// C# any language version compiles.
    /// </summary>
    public static string Leading(int conditions, string shapeName) => conditions == 0
        ? $"{RuntimeNames.Enumerable}.ToArray({RuntimeNames.Enumerable}.Append({shapeName}, batchSize))"
        : shapeName;
}
