using PixyzGen.Dsl.Diagnostics;

namespace PixyzGen.Dsl.Checking;

/// <summary>
/// The checked factorization: factor indices in ancestral (topological) order, ties by declaration order,
/// the variables the joint marginalizes out, and the errors found.
/// </summary>
public sealed record FactorizationAnalysis(EquatableArray<int> SamplingOrder, EquatableArray<string> Marginalized, EquatableArray<DslError> Errors);
