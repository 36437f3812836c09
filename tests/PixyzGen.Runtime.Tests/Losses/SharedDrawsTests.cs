using PixyzGen.Runtime.Tests.Generated;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Losses;

/// <summary>The draw a formula shares across its terms: one per distribution, conditions and count, merged into each term's own inputs.</summary>
public class SharedDrawsTests
{
    [Test]
    public void A_shared_draw_joins_each_terms_own_inputs_and_is_drawn_once()
    {
        manual_seed(1);
        using var model = new LossKinds();
        var x = bernoulli(full(4, 3, 0.5f));
        var draws = 0;
        Variables Draw(Variables inputs)
        {
            draws++;
            return model.Q.Sample(inputs);
        }
        using (SharedDraws.Begin())
        {
            var first = new Variables { ["x"] = x };
            var second = new Variables { ["x"] = x, ["a"] = ones(4) };   // a term inside another expectation has more variables
            var one = SharedDraws.Get(model.Q, first, 1, () => Draw(first));
            var two = SharedDraws.Get(model.Q, second, 1, () => Draw(second));
            Assert.That(draws, Is.EqualTo(1));
            Assert.That(ReferenceEquals(two["z"], one["z"]), Is.True, "the same z");
            Assert.That(two.ContainsKey("a"), Is.True, "the second term keeps its own inputs");
            var other = new Variables { ["x"] = x.clone() };
            SharedDraws.Get(model.Q, other, 1, () => Draw(other));
            SharedDraws.Get(model.Q, first, 3, () => Draw(first));
            Assert.That(draws, Is.EqualTo(3), "other condition tensors, or another count, draw anew");
        }
        SharedDraws.Get(model.Q, new Variables { ["x"] = x }, 1, () => Draw(new Variables { ["x"] = x }));
        Assert.That(draws, Is.EqualTo(4), "outside a formula every term draws its own");
    }
}
