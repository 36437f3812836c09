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

/// <summary>A training step whose loss was NaN or infinite: the step, the loss and, when known, the first of its terms that was not finite.</summary>
public sealed class NonFiniteLossException : ArithmeticException
{
    private const string Advice = "Lower the learning rate, clip gradients, or set NonFiniteLoss = NonFiniteLossPolicy.SkipBatch to skip such batches.";

    /// <summary>A loss of terms (Pixyz's losses): the message names the first term found non-finite.</summary>
    public NonFiniteLossException(long step, string loss, string term, double value)
        : base($"Step {step}: the loss {loss} is {Describe(value)}; the first non-finite term is {term}. {Advice}")
    {
        Step = step;
        Term = term;
    }

    /// <summary>A loss known only by its value (a generated <c>[Loss]</c>, a function): the message names the loss and the step.</summary>
    public NonFiniteLossException(long step, string loss, double value)
        : base($"Step {step}: {loss} is {Describe(value)}. {Advice}")
    {
        Step = step;
        Term = loss;
    }

    /// <summary>The 1-based training step.</summary>
    public long Step { get; }

    /// <summary>The term (in the DSL's words) whose value was first found non-finite; the loss itself when its terms are not known.</summary>
    public string Term { get; }

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
