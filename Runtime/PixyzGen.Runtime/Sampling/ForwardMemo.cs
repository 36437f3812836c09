using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// One forward pass per distribution and inputs within one loss evaluation: a generated loss body and the dynamic API's
/// <see cref="Loss.Eval"/> open a scope, and a distribution's parameters at the same input tensors are computed once in
/// it, however many terms (or products of experts) ask for them. Keys are the distribution and the input tensors by
/// reference, and the scope ends with the evaluation, so no value outlives the tensors it was computed from; outside a
/// scope nothing is kept.
/// </summary>
public static class ForwardMemo
{
    private static readonly EvaluationMemo Memo = new();

    /// <summary>Starts a scope for one evaluation; inside an open scope it joins that one.</summary>
    public static IDisposable Begin() => Memo.Begin();

    /// <summary>Whether a scope is open (callers can skip building a key when none is).</summary>
    public static bool IsActive => Memo.IsActive;

    /// <summary>The value computed for <paramref name="owner"/> at these inputs in the current scope, computed now if none is.</summary>
    public static T Get<T>(object owner, Tensor[] inputs, Func<T> compute) => Memo.Get(owner, 0, inputs, compute);
}
