using System;
using System.Collections.Generic;
using CsCheck;
using PixyzGen.Runtime.Tests.Generated;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>
/// Random loss trees built with the dynamic API's classes print as formulas that <see cref="Loss.Parse(string, IEnumerable{Distribution})"/>
/// reads back, over the same distributions, into a loss that prints the same and has the same value on the same seed.
/// A tree takes at most one draw of each distribution at the same inputs: a formula shares such draws across its terms
/// (as a generated body does) while hand-built terms draw one each, so trees drawing twice mean different estimators.
/// </summary>
public class RoundTripPropertyTests
{
    // A tree from a genome of small integers: each node reads the next one (CsCheck shrinks the genome).
    private sealed class Builder(LossKinds model, int[] genome)
    {
        private int next;
        private bool drawn;   // one E_q per tree

        private int Next(int choices) => next < genome.Length ? genome[next++] % choices : 0;

        public Loss Tree(int depth)
        {
            var choice = depth <= 0 ? Next(5) : Next(9);
            return choice switch
            {
                0 => model.P.LogProbLoss(),                                    // log p(x|z) at the given z
                1 => new KullbackLeibler(model.Q, model.Pz),                   // closed form, no draw
                2 => new Entropy(model.Q),                                     // closed form, no draw
                3 => new ValueLoss(Next(7) - 3 + 0.5),
                4 => new Parameter("beta"),
                5 => Tree(depth - 1) + Tree(depth - 1),
                6 => Tree(depth - 1) - Tree(depth - 1),
                7 => Tree(depth - 1) * Tree(depth - 1),
                _ => Draw(depth),
            };
        }

        private Loss Draw(int depth)
        {
            if (drawn) return -Tree(depth - 1);
            drawn = true;
            var inner = Next(3) switch
            {
                0 => model.P.LogProbLoss(),
                1 => model.P.LogProbLoss() + model.Pz.LogProbLoss(),
                _ => model.P.LogProbLoss() - model.Q.LogProbLoss(),
            };
            return new Expectation(model.Q, inner, 1 + Next(3));
        }

        public Loss Reduced(Loss tree) => Next(3) switch { 0 => tree.Mean(), 1 => tree.Sum(), _ => tree };
    }

    [Test]
    public void Every_printed_loss_parses_back_to_an_equal_loss_over_the_same_distributions()
    {
        manual_seed(3);
        using var model = new LossKinds();
        var distributions = new Distribution[] { model.Q, model.P, model.Pz };
        var x = bernoulli(full(6, 3, 0.4f));
        var inputs = new Variables { ["x"] = x, ["z"] = randn(6, 2), ["beta"] = tensor(0.7) };
        var compared = 0;
        Gen.Int[0, 1000].Array[4, 40].Sample(genome =>
        {
            var builder = new Builder(model, genome);
            var loss = builder.Reduced(builder.Tree(3));
            var text = loss.ToString();
            var parsed = Loss.Parse(text, distributions);
            // The parsed loss prints its canonical form ("a + -0.5" reads back as "a - 0.5"), which reads back unchanged.
            Assert.That(Loss.Parse(parsed.ToString(), distributions).ToString(), Is.EqualTo(parsed.ToString()), text);
            manual_seed(11);
            var expected = loss.Eval(inputs);
            manual_seed(11);
            var actual = parsed.Eval(inputs);
            Assert.That(actual.shape, Is.EqualTo(expected.shape), text);
            Assert.That(actual.to(ScalarType.Float64).allclose(expected.to(ScalarType.Float64), rtol: 1e-5, atol: 1e-5), Is.True, text);
            compared++;
        }, iter: 300, threads: 1);   // one thread: the draws come from torch's one global generator
        Assert.That(compared, Is.EqualTo(300));
    }
}
