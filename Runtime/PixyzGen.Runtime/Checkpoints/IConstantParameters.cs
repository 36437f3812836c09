using System.Collections.Generic;

namespace PixyzGen;

/// <summary>
/// A module whose constant parameters are buffers named after them (a family's <c>loc</c>, <c>scale</c>, ...): Pixyz
/// stores those with a leading batch dimension of 1, so <see cref="PyTorchCheckpoint"/> adds or drops it there.
/// </summary>
internal interface IConstantParameters
{
    /// <summary>The family's parameter names; those that are constants are registered as buffers of the same name.</summary>
    IReadOnlyList<string> ParameterNames { get; }
}
