using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>What <see cref="Model.Train"/> does when a step's loss is NaN or infinite.</summary>
public enum NonFiniteLossPolicy
{
    /// <summary>Stop with a <see cref="NonFiniteLossException"/> naming the step and the first non-finite term (the default).</summary>
    Throw,

    /// <summary>Leave the parameters as they were for that batch and go on; <see cref="Model.SkippedSteps"/> counts such steps.</summary>
    SkipBatch,
}

/// <summary>A training step whose loss was NaN or infinite: the step, the loss and the first of its terms that was not finite.</summary>
public sealed class NonFiniteLossException(long step, string loss, string term, double value)
    : ArithmeticException($"Step {step}: the loss {loss} is {Describe(value)}; the first non-finite term is {term}. " +
        "Lower the learning rate, clip gradients, or set NonFiniteLoss = NonFiniteLossPolicy.SkipBatch to skip such batches.")
{
    /// <summary>The 1-based training step.</summary>
    public long Step { get; } = step;

    /// <summary>The term (in the DSL's words) whose value was first found non-finite.</summary>
    public string Term { get; } = term;

    internal static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";
}

/// <summary>Finds which term of a loss made it non-finite, for the error message.</summary>
internal static class NonFiniteTerms
{
    /// <summary>The first leaf term (left to right) whose value on these inputs has a non-finite element; the loss itself when every leaf is finite.</summary>
    public static string First(Loss loss, Variables inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var term in Leaves(loss))
        {
            try
            {
                if (!term.Eval(inputs).isfinite().all().item<bool>()) return term.ToString();
            }
            catch (Exception)
            {
                // A term that cannot be evaluated alone says nothing about finiteness.
            }
        }
        return loss.ToString();
    }

    private static IEnumerable<Loss> Leaves(Loss loss)
    {
        var stack = new Stack<Loss>();
        stack.Push(loss);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LossOperator pair:
                    stack.Push(pair.Right);
                    stack.Push(pair.Left);
                    break;
                case LossSelfOperator single:
                    stack.Push(single.Inner);
                    break;
                case var leaf:
                    yield return leaf;
                    break;
            }
        }
    }
}
